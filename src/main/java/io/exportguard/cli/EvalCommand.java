package io.exportguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exportguard eval}: not built yet. */
@Command(name = "eval", description = "Not built yet.")
public final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("exportguard eval: not implemented yet");
    return ExitCodes.ERROR;
  }
}
