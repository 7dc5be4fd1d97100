package io.exportguard.rego.eval;

/** An expression of the plan. */
sealed interface Expr {

  /** True when the term is defined and not {@code false}. */
  record Truthy(Term term) implements Expr {}

  /** {@code a = b} and {@code a := b}: unification. */
  record Unify(Term left, Term right) implements Expr {}

  /** A call standing alone with an output argument: {@code count(xs, n)}. */
  record CallOut(Term.Call call, Term output) implements Expr {}

  /** {@code some k, v in collection}; key may be null. */
  record SomeIn(Term key, Term value, Term collection) implements Expr {}

  /** {@code every k, v in domain { body }}; key may be null. */
  record Every(Term key, Term value, Term domain, Body body) implements Expr {}

  /** {@code print(...)}: arguments may be undefined. */
  record Print(Term[] args) implements Expr {}

  /**
   * True when at least one of the bodies has a solution, tried in order; binds nothing (the bodies'
   * own variables are local). {@code a or b} is one body per operand, {@code a and b} one body of
   * two nested Exists, {@code not { b }} a negated Exists of b.
   */
  record Exists(Body[] bodies) implements Expr {}

  /** Always true ({@code some x} declarations). */
  record True() implements Expr {}
}
