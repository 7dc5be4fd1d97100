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
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds AST trees bottom-up; subclasses override the hooks they need. The default copies
 * every node unchanged (structurally), so an override of {@link #var} alone renames variables.
 */
class Transformer {

  Term var(Var v) { return v; }

  Term term(Term t) {
    if (t instanceof Scalar) return t;
    if (t instanceof Var v) return var(v);
    if (t instanceof Ref r) return ref(r);
    if (t instanceof ArrayTerm a) return new ArrayTerm(terms(a.items()), a.loc());
    if (t instanceof SetTerm s) return new SetTerm(terms(s.items()), s.loc());
    if (t instanceof ObjectTerm o) {
      List<ObjectTerm.Entry> es = new ArrayList<>(o.entries().size());
      for (ObjectTerm.Entry e : o.entries()) es.add(new ObjectTerm.Entry(term(e.key()), term(e.value())));
      return new ObjectTerm(es, o.loc());
    }
    if (t instanceof ArrayCompr c) return arrayCompr(c);
    if (t instanceof SetCompr c) return setCompr(c);
    if (t instanceof ObjectCompr c) return objectCompr(c);
    if (t instanceof Call c) return call(c);
    if (t instanceof TemplateString ts) return template(ts);
    throw new IllegalStateException("unknown term " + t);
  }

  Term template(TemplateString t) {
    List<TermExpr> parts = new ArrayList<>(t.parts().size());
    for (TermExpr p : t.parts()) parts.add((TermExpr) expr(p));
    return new TemplateString(parts, t.raw(), t.loc());
  }

  Term arrayCompr(ArrayCompr c) {
    Body b = nestedBody(c.body());
    return new ArrayCompr(term(c.head()), b, c.loc());
  }

  Term setCompr(SetCompr c) {
    Body b = nestedBody(c.body());
    return new SetCompr(term(c.head()), b, c.loc());
  }

  Term objectCompr(ObjectCompr c) {
    Body b = nestedBody(c.body());
    return new ObjectCompr(term(c.key()), term(c.value()), b, c.loc());
  }

  /**
   * A comprehension, every or and/or/not operand body; by default like any body. Subclasses open a
   * scope here (the comprehension and every hooks may do it themselves).
   */
  Body nestedBody(Body b) { return body(b); }

  Term ref(Ref r) {
    List<Term> ts = new ArrayList<>(r.size());
    Term head = term(r.head());
    if (head instanceof Ref hr) ts.addAll(hr.terms()); else ts.add(head);
    for (int i = 1; i < r.size(); i++) ts.add(term(r.get(i)));
    return new Ref(ts, r.loc());
  }

  Term call(Call c) {
    return new Call(operator(c.operator()), terms(c.args()), c.loc());
  }

  Ref operator(Ref op) { return op; }

  List<Term> terms(List<Term> ts) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) out.add(term(t));
    return out;
  }

  Body body(Body b) {
    List<Expr> out = new ArrayList<>(b.size());
    for (Expr e : b.exprs()) out.add(expr(e));
    return new Body(out, b.loc());
  }

  Expr expr(Expr e) {
    if (e instanceof TermExpr t) return new TermExpr(term(t.term()), t.negated(), withs(t.with()), t.loc());
    if (e instanceof SomeDecl s) return someDecl(s);
    if (e instanceof SomeIn s) return someIn(s);
    if (e instanceof Every ev) return every(ev);
    if (e instanceof LogicalExpr l) return logical(l);
    if (e instanceof NotBody n) return notBody(n);
    throw new IllegalStateException("unknown expr " + e);
  }

  Expr logical(LogicalExpr l) {
    Body lhs = nestedBody(l.lhs());
    Body rhs = nestedBody(l.rhs());
    return new LogicalExpr(l.op(), lhs, rhs, withs(l.with()), l.loc());
  }

  Expr notBody(NotBody n) {
    return new NotBody(nestedBody(n.body()), withs(n.with()), n.loc());
  }

  Expr someDecl(SomeDecl s) { return s; }

  Expr someIn(SomeIn s) {
    Term coll = term(s.collection());
    return new SomeIn(s.key() == null ? null : term(s.key()), term(s.value()), coll, withs(s.with()), s.loc());
  }

  Expr every(Every ev) {
    Term domain = term(ev.domain());
    return new Every(ev.key() == null ? null : term(ev.key()), term(ev.value()), domain, nestedBody(ev.body()),
        withs(ev.with()), ev.loc());
  }

  List<With> withs(List<With> ws) {
    if (ws.isEmpty()) return ws;
    List<With> out = new ArrayList<>(ws.size());
    for (With w : ws) out.add(new With(withTarget(w.target()), term(w.value()), w.loc()));
    return out;
  }

  Ref withTarget(Ref target) { return target; }

  /** Rewrites a rule's terms and body (and its else chain); the head ref is left to the caller. */
  Rule rule(Rule r) {
    List<Term> args = terms(r.args());
    Body b = body(r.body());
    Term key = r.key() == null ? null : term(r.key());
    Term value = r.value() == null ? null : term(r.value());
    Rule out = r.withParts(args, key, value, b).withHead(headRef(r.head()));
    if (r.elseRule() != null) out = out.withElse(rule(r.elseRule()));
    return out;
  }

  Ref headRef(Ref head) { return head; }
}
