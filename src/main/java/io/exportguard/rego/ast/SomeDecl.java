package io.exportguard.rego.ast;

import java.util.List;

/** {@code some x, y}: declares fresh local variables for the rest of the enclosing body. Always true. */
public record SomeDecl(List<Var> vars, Location loc) implements Expr {
  public SomeDecl {
    vars = List.copyOf(vars);
  }

  @Override
  public List<With> with() { return List.of(); }
}
