package io.exportguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exportguard preflight}: not built yet. */
@Command(name = "preflight", description = "Not built yet.")
public final class PreflightCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("exportguard preflight: not implemented yet");
    return ExitCodes.ERROR;
  }
}
