package io.exportguard.rego.ast;

import java.util.List;

/**
 * {@code a and b} / {@code a or b} (the {@code future.keywords.and|or} keywords): true when both
 * operands hold, or either. Each operand is a body of its own scope, written as one literal
 * ({@code input.x == 1}), in braces ({@code {x := f(y); x > 1}}) or as a parenthesised group; its
 * variables that are not bound outside are local to it, so an operand binds nothing outside.
 * {@code and} binds tighter than {@code or}; both are left-associative.
 */
public record LogicalExpr(Op op, Body lhs, Body rhs, List<With> with, Location loc) implements Expr {
  public LogicalExpr {
    with = List.copyOf(with);
  }

  /** The operator. */
  public enum Op { AND, OR }

  public LogicalExpr withWith(List<With> w) { return new LogicalExpr(op, lhs, rhs, w, loc); }
}
