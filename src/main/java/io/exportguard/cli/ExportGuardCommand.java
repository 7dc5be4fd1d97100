package io.exportguard.cli;

import picocli.CommandLine.Command;

/** The top-level command; it only groups the subcommands ({@link Main#commandLine} adds them). */
@Command(name = "exportguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    subcommands = picocli.CommandLine.HelpCommand.class,
    description = "Decides whether an Alibaba Cloud ECS custom image may be exported to OSS, and exports it.")
public final class ExportGuardCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
