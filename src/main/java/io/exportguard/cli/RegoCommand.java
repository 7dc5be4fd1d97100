package io.exportguard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code exportguard rego}: groups the engine's own tools. */
@Command(name = "rego", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Tools for the embedded Rego engine.",
    subcommands = {RegoCasesCommand.class, RegoCheckCommand.class, RegoEvalCommand.class, HelpCommand.class})
public final class RegoCommand extends GroupCommand {}
