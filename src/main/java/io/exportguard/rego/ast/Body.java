package io.exportguard.rego.ast;

import java.util.List;

/**
 * A query or rule body: literals joined by "and". Written on separate lines or with {@code ;}.
 * After compiling, literals are in safe evaluation order (each variable bound before it is needed).
 */
public record Body(List<Expr> exprs, Location loc) implements Node {
  public Body {
    exprs = List.copyOf(exprs);
  }

  public boolean isEmpty() { return exprs.isEmpty(); }

  public int size() { return exprs.size(); }
}
