package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.LogicalExpr;
import io.exportguard.rego.ast.NotBody;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage before safety, OPA's RewriteWithValues: a {@code with} value that needs evaluating (it
 * holds a ref, call or comprehension) is bound to a generated variable in a literal placed before
 * the expression, so {@code p with input.asset as assets[_]} evaluates {@code p} once per asset, as
 * OPA does, instead of being unsafe. Values replacing a function or builtin are left alone: they
 * name the function to call instead.
 */
final class WithLifting extends Transformer {
  private final Map<String, Integer> userFunctions;
  private int counter;

  WithLifting(Map<String, Integer> userFunctions) {
    this.userFunctions = userFunctions;
  }

  Rule lift(Rule r) { return rule(r); }

  Body liftQuery(Body q) { return body(q); }

  @Override
  Body body(Body b) {
    // Every literal is kept as rebuilt: a closure inside it may have had literals lifted.
    List<Expr> out = new ArrayList<>(b.size());
    for (int i = 0; i < b.size(); i++) {
      Expr e = expr(b.exprs().get(i));
      List<With> ws = e.with();
      List<Expr> lifted = null;
      List<With> rewritten = ws;
      for (int j = 0; j < ws.size(); j++) {
        With w = ws.get(j);
        if (isFunction(w.target()) || !needsEval(w.value())) continue;
        if (lifted == null) {
          lifted = new ArrayList<>(1);
          rewritten = new ArrayList<>(ws);
        }
        Var v = new Var("$with" + counter++, w.value().loc());
        lifted.add(new TermExpr(Call.of("eq", List.of(v, w.value()), w.loc()), false, List.of(), w.loc()));
        rewritten.set(j, new With(w.target(), v, w.loc()));
      }
      if (lifted != null) {
        out.addAll(lifted);
        e = withWith(e, rewritten);
      }
      out.add(e);
    }
    return new Body(out, b.loc());
  }

  /** A builtin ({@code count}, {@code http.send}) or a user function: not a document. */
  private boolean isFunction(Ref target) {
    String head = target.headName();
    if (!"input".equals(head) && !"data".equals(head)) return true;
    String name = target.dottedName();
    return name != null && userFunctions.containsKey(name);
  }

  private static boolean needsEval(Term t) {
    if (t instanceof Ref || t instanceof Call || t instanceof TemplateString
        || t instanceof ArrayCompr || t instanceof SetCompr || t instanceof ObjectCompr) {
      return true;
    }
    if (t instanceof ArrayTerm a) return a.items().stream().anyMatch(WithLifting::needsEval);
    if (t instanceof SetTerm s) return s.items().stream().anyMatch(WithLifting::needsEval);
    if (t instanceof ObjectTerm o) {
      for (ObjectTerm.Entry e : o.entries()) if (needsEval(e.key()) || needsEval(e.value())) return true;
    }
    return false;
  }

  private static Expr withWith(Expr e, List<With> ws) {
    if (e instanceof TermExpr t) return new TermExpr(t.term(), t.negated(), ws, t.loc());
    if (e instanceof Every ev) return new Every(ev.key(), ev.value(), ev.domain(), ev.body(), ws, ev.loc());
    if (e instanceof NotBody n) return n.withWith(ws);
    if (e instanceof LogicalExpr l) return l.withWith(ws);
    if (e instanceof SomeIn s) return new SomeIn(s.key(), s.value(), s.collection(), ws, s.loc());
    return e;
  }
}
