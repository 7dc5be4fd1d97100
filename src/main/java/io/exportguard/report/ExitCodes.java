package io.exportguard.report;

/**
 * The exit codes of every command (DESIGN.md), the one place they are written: {@code 0} pass,
 * {@code 1} a check failed, {@code 2} error (a check or fact errored, the run could not start or
 * finish, bad input). A verdict maps onto them through {@link Verdict#exitCode()}.
 */
public final class ExitCodes {
  public static final int PASS = 0;
  public static final int FAIL = 1;
  public static final int ERROR = 2;

  private ExitCodes() {}
}
