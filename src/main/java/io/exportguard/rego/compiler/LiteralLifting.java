package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * A rewrite that binds parts of a literal to generated variables in literals placed just before
 * it ({@code $prefixN = term}), in every body: rules, else branches, functions, comprehensions,
 * every and and/or/not operands, and queries.
 */
abstract class LiteralLifting extends Transformer {
  private final String prefix;
  private int counter;

  LiteralLifting(String prefix) {
    this.prefix = prefix;
  }

  Rule lift(Rule r) { return rule(r); }

  Body liftQuery(Body q) { return body(q); }

  /** The literal as it should run after the generated literals this adds to {@code lifted}. */
  abstract Expr lift(Expr e, List<Expr> lifted);

  @Override
  final Body body(Body b) {
    // Every literal is kept as rebuilt: a closure inside it may have had literals lifted.
    List<Expr> out = new ArrayList<>(b.size());
    for (Expr original : b.exprs()) {
      Expr e = expr(original);
      out.add(lift(e, out));
    }
    return new Body(out, b.loc());
  }

  /** Adds {@code $prefixN = t} (with the given {@code with} modifiers) to {@code lifted}; returns the variable. */
  final Var bind(Term t, List<With> with, Location loc, List<Expr> lifted) {
    Var v = new Var(prefix + counter++, t.loc());
    lifted.add(new TermExpr(Call.of("eq", List.of(v, t), loc), false, with, loc));
    return v;
  }
}
