package io.exportguard.cli;

import io.exportguard.rego.conformance.CaseFiles;
import io.exportguard.rego.conformance.CaseRunner;
import io.exportguard.rego.conformance.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard rego cases DIR...}: runs OPA-format YAML test cases against the embedded engine. */
@Command(name = "cases", mixinStandardHelpOptions = true,
    description = "Run OPA-format YAML test cases; the last line is \"N passed, M failed\".")
public final class RegoCasesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders (or files) of test-case YAML.")
  List<Path> dirs;

  @Option(names = "--case-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Evaluation deadline per case (default: ${DEFAULT-VALUE}).")
  int caseTimeoutSeconds;

  @Option(names = "--filter", paramLabel = "TEXT",
      description = "Run only the cases whose note contains TEXT (to reproduce one failure).")
  String filter;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path d : dirs) {
      if (!Files.exists(d)) {
        err.println("exportguard rego cases: " + d + ": no such file or directory");
        return ExitCodes.ERROR;
      }
    }
    if (caseTimeoutSeconds <= 0) {
      err.println("exportguard rego cases: --case-timeout must be positive");
      return ExitCodes.ERROR;
    }
    RunReport report;
    try {
      report = new CaseRunner(Duration.ofSeconds(caseTimeoutSeconds))
          .runAll(dirs, c -> filter == null || (c.note() != null && c.note().contains(filter)));
    } catch (CaseFiles.CaseFileException e) {
      err.println("exportguard rego cases: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (IOException e) {
      err.println("exportguard rego cases: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    report.print(out);
    return report.failed() > 0 ? ExitCodes.FAIL : ExitCodes.PASS;
  }
}
