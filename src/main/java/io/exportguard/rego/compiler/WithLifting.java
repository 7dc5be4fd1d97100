package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.LogicalExpr;
import io.exportguard.rego.ast.NotBody;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.TermExpr;
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
final class WithLifting extends LiteralLifting {
  private final Map<String, Integer> userFunctions;

  WithLifting(Map<String, Integer> userFunctions) {
    super("$with");
    this.userFunctions = userFunctions;
  }

  @Override
  Expr lift(Expr e, List<Expr> lifted) {
    List<With> ws = e.with();
    List<With> rewritten = null;
    for (int j = 0; j < ws.size(); j++) {
      With w = ws.get(j);
      if (isFunction(w.target()) || !needsEval(w.value())) continue;
      if (rewritten == null) rewritten = new ArrayList<>(ws);
      rewritten.set(j, new With(w.target(), bind(w.value(), List.of(), w.loc(), lifted), w.loc()));
    }
    return rewritten == null ? e : withWith(e, rewritten);
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
