package io.exportguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exportguard policy test}: not built yet. */
@Command(name = "test", description = "Not built yet.")
public final class PolicyTestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("exportguard policy test: not implemented yet");
    return ExitCodes.ERROR;
  }
}
