package io.exportguard.scan;

/**
 * A scanned file that cannot be read as what it claims to be: not JSON or YAML, truncated, not a
 * plan, an unknown ROS function, a reference that cannot be resolved. Bad input: one short message
 * naming the file, line and column, with the source line and a caret under the column; exit 2.
 */
public final class ScanInputException extends Exception {
  private static final long serialVersionUID = 1L;
  /** Characters of a long source line shown on each side of the caret. */
  private static final int CONTEXT = 60;

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
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(':').append(line).append(':').append(Math.max(column, 1));
    sb.append(": ").append(getMessage());
    if (sourceLine != null && line > 0) {
      String text = sourceLine.replace('\t', ' ');
      int caret = Math.min(Math.max(column, 1) - 1, text.length());
      int from = Math.max(0, caret - CONTEXT);
      int to = Math.min(text.length(), caret + CONTEXT);
      sb.append('\n').append(from > 0 ? "..." : "").append(text, from, to).append(to < text.length() ? "..." : "");
      sb.append('\n').append(" ".repeat(caret - from + (from > 0 ? 3 : 0))).append('^');
    }
    return sb.toString();
  }
}
