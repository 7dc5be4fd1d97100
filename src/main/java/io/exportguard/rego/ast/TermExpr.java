package io.exportguard.rego.ast;

import java.util.List;

/**
 * A literal that is one term. When the term is a {@link Call} the call is evaluated: {@code eq}
 * ({@code =}) and {@code assign} ({@code :=}) unify their two arguments; a builtin or function
 * succeeds when its result is defined and not {@code false} (or, with one extra argument, when the
 * result unifies with that argument). Any other term succeeds when defined and not {@code false}.
 */
public record TermExpr(Term term, boolean negated, List<With> with, Location loc) implements Expr {
  public TermExpr {
    with = List.copyOf(with);
  }
}
