package io.exportguard.run;

/** Bad input (a flag, a file, a policy): one short line on stderr, exit 2, no report. */
public final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) { super(message); }
}
