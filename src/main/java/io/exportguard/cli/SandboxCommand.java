package io.exportguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exportguard sandbox}: not built yet. */
@Command(name = "sandbox", description = "Not built yet.")
public final class SandboxCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("exportguard sandbox: not implemented yet");
    return ExitCodes.ERROR;
  }
}
