package io.exportguard.report;

import java.util.Locale;

/** The run's verdict and its exit code: fail 1, error 2, pass 0. */
public enum Verdict {
  PASS(ExitCodes.PASS), FAIL(ExitCodes.FAIL), ERROR(ExitCodes.ERROR);

  private final int exitCode;

  Verdict(int exitCode) { this.exitCode = exitCode; }

  public int exitCode() { return exitCode; }

  public String id() { return name().toLowerCase(Locale.ROOT); }
}
