package io.exportguard.rego.builtins;

/**
 * A GraphQL syntax or validation error at a source position (absent for trees built from terms),
 * with gqlparser's message text.
 */
final class GraphQlError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private String rule = "";

  GraphQlError(int line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }

  GraphQlError(GraphQlAst.Position at, String message) {
    this(at == null ? 0 : at.line(), at == null ? 0 : at.column(), message);
  }

  /** Tags the error with the validation rule that found it (for tests and debugging). */
  GraphQlError fromRule(String name) {
    rule = name;
    return this;
  }

  String rule() { return rule; }

  boolean hasPosition() { return line > 0; }

  int line() { return line; }

  int column() { return column; }

  /** gqlparser's printed form: {@code input:LINE:COLUMN: message}. */
  String printed() {
    return hasPosition() ? "input:" + line + ":" + column + ": " + getMessage() : "input: " + getMessage();
  }
}
