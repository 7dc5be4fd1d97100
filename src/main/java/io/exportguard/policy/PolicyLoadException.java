package io.exportguard.policy;

/**
 * A policy or data file could not be loaded: the path does not exist, cannot be read, or does not
 * parse. Carries the file and, when known, the 1-based line and column, so the CLI can print one
 * short line and exit 2.
 */
public final class PolicyLoadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;

  public PolicyLoadException(String file, int line, int column, String message) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public PolicyLoadException(String file, String message) { this(file, 0, 0, message); }

  public String file() { return file; }

  public int line() { return line; }

  public int column() { return column; }

  /** {@code file:line:col: message}, leaving out the position when it is unknown. */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(':').append(line).append(':').append(Math.max(column, 1));
    return sb.append(": ").append(getMessage()).toString();
  }
}
