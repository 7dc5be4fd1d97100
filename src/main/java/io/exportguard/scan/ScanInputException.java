package io.exportguard.scan;

import io.exportguard.report.SourceExcerpt;

/**
 * A scanned file that cannot be read as what it claims to be: not JSON or YAML, truncated, not a
 * plan, an unknown ROS function, a reference that cannot be resolved. Bad input: one short message
 * naming the file, line and column, with the source line and a caret under the column; exit 2.
 */
public final class ScanInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String sourceLine;

  public ScanInputException(String file, int line, int column, String message, String sourceLine) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.sourceLine = sourceLine;
  }

  public ScanInputException(String file, String message) { this(file, 0, 0, message, null); }

  public String file() { return file; }

  public int line() { return line; }

  public int column() { return column; }

  /** {@code file:line:col: message}, then the source line and a caret when the position is known. */
  public String format() { return SourceExcerpt.format(file, line, column, getMessage(), sourceLine); }
}
