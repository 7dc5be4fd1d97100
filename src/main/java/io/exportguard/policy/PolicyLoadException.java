package io.exportguard.policy;

import io.exportguard.report.SourceExcerpt;

/**
 * A policy or data file could not be loaded: the path does not exist, cannot be read, or does not
 * parse. Carries the file and, when known, the 1-based line and column (and for a parse error the
 * source line), so the CLI can print one short message, with a caret under the column, and exit 2.
 */
public final class PolicyLoadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;
  private final String sourceLine;

  public PolicyLoadException(String file, int line, int column, String message, String sourceLine) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.sourceLine = sourceLine;
  }

  public PolicyLoadException(String file, int line, int column, String message) {
    this(file, line, column, message, null);
  }

  public PolicyLoadException(String file, String message) { this(file, 0, 0, message); }

  public String file() { return file; }

  public int line() { return line; }

  public int column() { return column; }

  /** {@code file:line:col: message}, leaving out the position when it is unknown; then the source line and a caret. */
  public String format() { return SourceExcerpt.format(file, line, column, getMessage(), sourceLine); }
}
