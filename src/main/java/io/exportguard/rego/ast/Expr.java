package io.exportguard.rego.ast;

import java.util.List;

/**
 * One literal of a body: a term to test or call ({@link TermExpr}), a {@code some x} declaration
 * ({@link SomeDecl}), {@code some k, v in xs} ({@link SomeIn}), {@code every} ({@link Every}),
 * {@code a and b} / {@code a or b} ({@link LogicalExpr}) or {@code not { body }} ({@link NotBody}).
 * Any of them may carry {@code with} modifiers; a term expression may be negated, a {@link NotBody}
 * always is.
 */
public sealed interface Expr extends Node permits TermExpr, SomeDecl, SomeIn, Every, LogicalExpr, NotBody {
  /** The {@code with} modifiers, in source order; empty when none. */
  List<With> with();

  /** True for {@code not ...}. */
  default boolean negated() { return false; }
}
