package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage after safety: evaluates the dynamic parts of a negated literal before the negation, as
 * OPA's compiler does (its expression-term and dynamic-term rewrites bind nested calls, and refs
 * and comprehensions among a call's arguments, to generated variables in literals placed before
 * the expression). So {@code not f(input.missing)}, {@code not obj[input.missing]} and
 * {@code not count(input.missing) > 0} are undefined, not true, while
 * {@code not input.missing == 1} (an equality in a module) and {@code not input.missing} stay
 * true. Real libraries depend on it: a helper called with an absent parameter
 * ({@code not accept(rule, v, params.ranges)}) must fail the rule, not satisfy it. Literals that
 * are not negated are left as they are: lifting them would not change their result.
 */
final class NegationLifting extends Transformer {
  private final boolean module;
  private int counter;

  /** {@code module}: rule bodies, where OPA has already turned {@code a == b} into {@code a = b}. */
  NegationLifting(boolean module) {
    this.module = module;
  }

  Rule lift(Rule r) { return rule(r); }

  Body liftQuery(Body q) { return body(q); }

  @Override
  Body body(Body b) {
    // Every literal is kept as rebuilt: a closure inside it may have had literals lifted.
    List<Expr> out = new ArrayList<>(b.size());
    for (int i = 0; i < b.size(); i++) {
      Expr e = expr(b.exprs().get(i));
      if (e instanceof TermExpr t && t.negated()) {
        List<Expr> lifted = new ArrayList<>(2);
        Term term = liftLiteral(t.term(), t.with(), lifted);
        if (!lifted.isEmpty()) {
          out.addAll(lifted);
          e = new TermExpr(term, true, t.with(), t.loc());
        }
      }
      out.add(e);
    }
    return new Body(out, b.loc());
  }

  private Term liftLiteral(Term t, List<With> with, List<Expr> lifted) {
    if (t instanceof Call c) {
      String name = c.name();
      boolean equality = c.args().size() == 2
          && ("eq".equals(name) || (module && "equal".equals(name)));
      List<Term> args = new ArrayList<>(c.args().size());
      for (Term a : c.args()) args.add(equality ? side(a, with, lifted) : arg(a, with, lifted));
      return new Call(c.operator(), args, c.loc());
    }
    return side(t, with, lifted);
  }

  /** A side of an equality, or a negated term: a ref stays (its dynamic keys are lifted). */
  private Term side(Term t, List<With> with, List<Expr> lifted) {
    if (t instanceof Ref r) {
      List<Term> ts = new ArrayList<>(r.size());
      Term head = r.head();
      boolean composite = !(head instanceof Var);
      ts.add(composite ? bind(head, with, lifted) : head);
      for (int i = 1; i < r.size(); i++) ts.add(arg(r.get(i), with, lifted));
      return new Ref(ts, r.loc());
    }
    if (t instanceof ArrayCompr || t instanceof SetCompr || t instanceof ObjectCompr) return t;
    return arg(t, with, lifted);
  }

  /** A call argument (or a key inside a ref or composite): refs, calls and comprehensions are lifted. */
  private Term arg(Term t, List<With> with, List<Expr> lifted) {
    if (t instanceof Ref || t instanceof Call
        || t instanceof ArrayCompr || t instanceof SetCompr || t instanceof ObjectCompr) {
      return bind(t, with, lifted);
    }
    if (t instanceof ArrayTerm a) return new ArrayTerm(args(a.items(), with, lifted), a.loc());
    if (t instanceof SetTerm s) return new SetTerm(args(s.items(), with, lifted), s.loc());
    if (t instanceof ObjectTerm o) {
      List<ObjectTerm.Entry> es = new ArrayList<>(o.entries().size());
      for (ObjectTerm.Entry e : o.entries()) {
        Term k = arg(e.key(), with, lifted);
        es.add(new ObjectTerm.Entry(k, arg(e.value(), with, lifted)));
      }
      return new ObjectTerm(es, o.loc());
    }
    return t;
  }

  private List<Term> args(List<Term> ts, List<With> with, List<Expr> lifted) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) out.add(arg(t, with, lifted));
    return out;
  }

  /** {@code $dynN = t}, evaluated (with the literal's {@code with} modifiers) before the negation. */
  private Term bind(Term t, List<With> with, List<Expr> lifted) {
    Var v = new Var("$dyn" + counter++, t.loc());
    lifted.add(new TermExpr(Call.of("eq", List.of(v, t), t.loc()), false, with, t.loc()));
    return v;
  }
}
