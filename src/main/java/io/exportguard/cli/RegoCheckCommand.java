package io.exportguard.cli;

import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.tool.RegoCheck;
import io.exportguard.rego.tool.RegoFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard rego check PATH...}: parse and compile Rego like {@code opa check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Parse and compile Rego files (like opa check); exit 1 when there are errors.")
public final class RegoCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegoFlags rego;

  @Option(names = {"-S", "--strict"}, description = "OPA's strict mode: also reject unused imports and assigned variables.")
  boolean strict;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rego files, or folders searched for *.rego.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Rego.Builder settings;
    List<RegoModule> modules;
    try {
      settings = rego.builder().strict(strict);
      modules = RegoFiles.load(paths);
    } catch (IOException | RegoException e) {
      err.println("exportguard rego check: " + RegoFlags.message(e));
      return ExitCodes.ERROR;
    }
    List<RegoError> errors = RegoCheck.check(modules, settings);
    if (errors.isEmpty()) return ExitCodes.PASS;
    RegoCheck.print(errors, err);
    return ExitCodes.FAIL;
  }
}
