package io.exportguard.rego.ast;

import java.util.List;

/**
 * One literal of a body: a term to test or call ({@link TermExpr}), a {@code some x} declaration
 * ({@link SomeDecl}), {@code some k, v in xs} ({@link SomeIn}) or {@code every} ({@link Every}).
 * Any of them may carry {@code with} modifiers; only a term expression may be negated.
 */
public sealed interface Expr extends Node permits TermExpr, SomeDecl, SomeIn, Every {
  /** The {@code with} modifiers, in source order; empty when none. */
  List<With> with();

  /** True for {@code not ...}. */
  default boolean negated() { return false; }
}
