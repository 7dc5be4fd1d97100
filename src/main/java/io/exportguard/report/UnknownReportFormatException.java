package io.exportguard.report;

/** A {@code --report} value names a format we do not write; the CLI reports it as a usage error. */
public final class UnknownReportFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownReportFormatException(String message) { super(message); }
}
