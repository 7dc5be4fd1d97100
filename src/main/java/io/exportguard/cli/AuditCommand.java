package io.exportguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exportguard audit}: not built yet. */
@Command(name = "audit", description = "Not built yet.")
public final class AuditCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("exportguard audit: not implemented yet");
    return ExitCodes.ERROR;
  }
}
