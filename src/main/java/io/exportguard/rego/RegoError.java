package io.exportguard.rego;

/**
 * One parse, compile or evaluation error. The code is OPA's stable code ({@code rego_parse_error},
 * {@code rego_unsafe_var_error}, {@code eval_conflict_error}, ...), kept apart from the message.
 * Location fields are null/0 when unknown; sourceLine is the offending line's text, for the caret.
 */
public record RegoError(String code, String message, String file, int line, int column, String sourceLine) {

  /** {@code file:line:col: code: message}, then the source line and a caret under the column. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (line > 0) sb.append(':').append(line).append(':').append(Math.max(column, 1));
      sb.append(": ");
    }
    sb.append(code).append(": ").append(message);
    if (sourceLine != null && line > 0) {
      // A long line (a minified or generated file) is shown only around the column.
      int caret = Math.min(Math.max(column, 1) - 1, sourceLine.length());
      int from = Math.max(0, Math.min(caret - CONTEXT, sourceLine.length() - 2 * CONTEXT));
      int to = Math.min(sourceLine.length(), Math.max(caret + CONTEXT, 2 * CONTEXT));
      String shown = (from > 0 ? "..." : "") + sourceLine.substring(from, to) + (to < sourceLine.length() ? "..." : "");
      sb.append('\n').append(shown).append('\n');
      if (from > 0) sb.append("   ");
      for (int i = from; i < caret; i++) sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
      sb.append('^');
    }
    return sb.toString();
  }

  /** Characters of a long source line shown on each side of the caret. */
  private static final int CONTEXT = 80;
}
