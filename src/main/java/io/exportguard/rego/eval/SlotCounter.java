package io.exportguard.rego.eval;

import java.util.Map;

/** Counts how often each frame slot occurs in plan terms and bodies (for comprehension scoping). */
final class SlotCounter {
  private SlotCounter() {}

  static Term.Scope scope(Term comprehension) {
    if (comprehension instanceof Term.ArrayCompr a) return a.scope();
    if (comprehension instanceof Term.SetCompr s) return s.scope();
    return ((Term.ObjectCompr) comprehension).scope();
  }

  static void count(Body b, Map<Integer, Integer> into) {
    if (b == null) return;
    for (Literal lit : b.literals()) {
      count(lit.expr(), into);
      for (Literal.With w : lit.withs()) {
        if (w.path() != null) for (Term t : w.path()) count(t, into);
        if (w.value() != null) count(w.value(), into);
      }
    }
  }

  private static void count(Expr e, Map<Integer, Integer> into) {
    if (e instanceof Expr.Truthy t) count(t.term(), into);
    else if (e instanceof Expr.Unify u) {
      count(u.left(), into);
      count(u.right(), into);
    } else if (e instanceof Expr.CallOut c) {
      count(c.call(), into);
      count(c.output(), into);
    } else if (e instanceof Expr.SomeIn s) {
      count(s.key(), into);
      count(s.value(), into);
      count(s.collection(), into);
    } else if (e instanceof Expr.Every ev) {
      count(ev.key(), into);
      count(ev.value(), into);
      count(ev.domain(), into);
      count(ev.body(), into);
    } else if (e instanceof Expr.Print p) {
      for (Term t : p.args()) count(t, into);
    } else if (e instanceof Expr.Exists x) {
      for (Body b : x.bodies()) count(b, into);
    }
  }

  static void count(Term t, Map<Integer, Integer> into) {
    if (t == null || t instanceof Term.Const) return;
    if (t instanceof Term.Var v) into.merge(v.slot(), 1, Integer::sum);
    else if (t instanceof Term.ArrayLit a) all(a.items(), into);
    else if (t instanceof Term.SetLit s) all(s.items(), into);
    else if (t instanceof Term.ObjectLit o) {
      all(o.keys(), into);
      all(o.values(), into);
    } else if (t instanceof Term.Ref r) {
      count(r.head(), into);
      all(r.path(), into);
    } else if (t instanceof Term.InputRef in) all(in.path(), into);
    else if (t instanceof Term.DataRef d) all(d.path(), into);
    else if (t instanceof Term.Call c) all(c.args(), into);
    else if (t instanceof Term.ArrayCompr a) {
      count(a.head(), into);
      count(a.body(), into);
    } else if (t instanceof Term.SetCompr s) {
      count(s.head(), into);
      count(s.body(), into);
    } else if (t instanceof Term.ObjectCompr o) {
      count(o.key(), into);
      count(o.value(), into);
      count(o.body(), into);
    }
  }

  private static void all(Term[] ts, Map<Integer, Integer> into) {
    for (Term t : ts) count(t, into);
  }
}
