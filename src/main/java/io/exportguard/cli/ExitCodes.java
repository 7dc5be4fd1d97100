package io.exportguard.cli;

/** The exit codes of every command (DESIGN.md): pass, fail, error or bad input. */
public final class ExitCodes {
  public static final int PASS = 0;
  public static final int FAIL = 1;
  public static final int ERROR = 2;

  private ExitCodes() {}
}
