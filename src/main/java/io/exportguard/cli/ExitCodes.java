package io.exportguard.cli;

/** The commands' exit codes: the values of {@link io.exportguard.report.ExitCodes}, the one source. */
public final class ExitCodes {
  public static final int PASS = io.exportguard.report.ExitCodes.PASS;
  public static final int FAIL = io.exportguard.report.ExitCodes.FAIL;
  public static final int ERROR = io.exportguard.report.ExitCodes.ERROR;

  private ExitCodes() {}
}
