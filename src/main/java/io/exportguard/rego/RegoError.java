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
      sb.append('\n').append(sourceLine).append('\n');
      int caret = Math.max(column, 1) - 1;
      for (int i = 0; i < caret && i < sourceLine.length(); i++) sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
      sb.append('^');
    }
    return sb.toString();
  }
}
