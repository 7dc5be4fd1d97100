package io.exportguard.rego.eval;

/**
 * One expression of a body with its {@code not} and {@code with} modifiers, and where it is written.
 */
record Literal(Expr expr, boolean negated, With[] withs, String file, int line, int column) {

  /** One {@code with target as value}. */
  record With(Kind kind, Term[] path, String function, Term value, Callee replacement) {
    enum Kind { INPUT, DATA, FUNCTION }
  }
}
