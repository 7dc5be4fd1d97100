package io.exportguard.report;

/** A file that is not the report it should be: its name, and where and what is wrong. */
public final class ReportFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportFormatException(String message) {
    super(message);
  }
}
