package io.exportguard.report;

/**
 * How a message about bad input points at it: {@code file:line:col: message}, then the offending
 * line and a caret under the column, as compilers print it. A long line (a minified or generated
 * file) is shown only around the column, with {@code ...} where it is cut; tabs are shown as
 * spaces so the caret lines up.
 */
public final class SourceExcerpt {
  /** Characters of a long source line shown on each side of the caret. */
  static final int CONTEXT = 60;

  private SourceExcerpt() {}

  /**
   * The message with its position and, when both are known, the source line and a caret.
   *
   * @param line 1-based, 0 when unknown (then the column and source line are left out)
   * @param column 1-based; 0 is shown as 1
   * @param sourceLine the text of that line, or null
   */
  public static String format(String file, int line, int column, String message, String sourceLine) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(':').append(line).append(':').append(Math.max(column, 1));
    sb.append(": ").append(message);
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

  /** The text of a 1-based line of a document (lines end at LF, CRLF or CR), or null when it has no such line. */
  public static String line(String text, int line) {
    if (text == null || line <= 0) return null;
    int start = 0;
    for (int n = 1; n < line; n++) {
      int lf = text.indexOf('\n', start);
      int cr = text.indexOf('\r', start);
      int end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) return null;
      start = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
    }
    int end = start;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
    return text.substring(start, end);
  }
}
