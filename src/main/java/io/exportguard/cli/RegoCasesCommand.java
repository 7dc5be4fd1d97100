package io.exportguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exportguard rego cases}: not built yet. */
@Command(name = "cases", description = "Not built yet.")
public final class RegoCasesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("exportguard rego cases: not implemented yet");
    return ExitCodes.ERROR;
  }
}
