package io.exportguard.rego.ast;

import java.util.List;

/**
 * {@code not { body }} or {@code not (a or b)} (with {@code import future.keywords.not}): true when
 * the body has no solution. Like an {@code and}/{@code or} operand, the body's own variables are
 * local to it.
 */
public record NotBody(Body body, List<With> with, Location loc) implements Expr {
  public NotBody {
    with = List.copyOf(with);
  }

  @Override
  public boolean negated() { return true; }

  public NotBody withWith(List<With> w) { return new NotBody(body, w, loc); }
}
