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
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Stage 5: orders each body's literals so that every variable is bound before a literal needs it
 * (the first literal that can run goes next, keeping source order otherwise), and reports the
 * variables no order can bind as {@code var x is unsafe}. Comprehension and every bodies are
 * ordered with the variables bound at the point where they run.
 */
final class Safety {
  private final Errors errors;
  private final Function<String, Integer> arity;

  Safety(Errors errors, Function<String, Integer> arity) {
    this.errors = errors;
    this.arity = arity;
  }

  Rule rule(Rule r) {
    Set<String> bound = new HashSet<>();
    for (Term a : r.args()) Vars.term(a, bound);
    Set<String> outer = new HashSet<>(bound);
    for (int i = 1; i < r.head().size(); i++) Vars.shallow(r.head().get(i), outer);
    if (r.key() != null) Vars.shallow(r.key(), outer);
    if (r.value() != null) Vars.shallow(r.value(), outer);
    Set<String> after = new HashSet<>(bound);
    int errorsBefore = errors.count();
    Body body = reorder(r.body(), after, outer);
    // Head vars left unbound by an unsafe body are consequences of the errors reported there.
    boolean bodyFailed = errors.count() > errorsBefore;
    Set<String> scope = new HashSet<>(outer);
    for (Expr e : body.exprs()) Vars.shallow(e, scope);
    // Head terms are evaluated after the body: the value (and a set key) may enumerate refs
    // (q := xs[_]); the vars of a ref head's keys must be bound by then.
    List<Term> headTerms = new ArrayList<>();
    if (r.value() != null) headTerms.add(r.value());
    if (r.key() != null) headTerms.add(r.key());
    for (int i = 1; i < r.head().size(); i++) headTerms.add(r.head().get(i));
    for (Term t : headTerms) {
      Set<String> o = evalOut(t, after, scope);
      if (o != null) {
        after.addAll(o);
        continue;
      }
      if (bodyFailed) continue;
      Set<String> vs = new LinkedHashSet<>();
      Vars.shallow(t, vs);
      for (String v : vs) {
        if (!after.contains(v)) unsafe(v, t);
      }
    }
    Nested nested = new Nested(after, scope);
    Term key = r.key() == null ? null : nested.term(r.key());
    Term value = r.value() == null ? null : nested.term(r.value());
    Rule out = r.withParts(r.args(), key, value, body);
    if (r.elseRule() != null) out = out.withElse(rule(r.elseRule()));
    return out;
  }

  Body query(Body q) {
    return reorder(q, new HashSet<>(), new HashSet<>());
  }

  /**
   * Reorders a body; {@code bound} grows by what the body binds. Picks the first literal (in source
   * order) that can run, repeatedly. A literal that cannot run yet waits on its unbound vars and is
   * looked at again only when one of them gets bound, so long bodies stay fast.
   */
  Body reorder(Body body, Set<String> bound, Set<String> outer) {
    Set<String> scope = new HashSet<>(outer);
    for (Expr e : body.exprs()) Vars.shallow(e, scope);
    List<Expr> exprs = body.exprs();
    boolean[] done = new boolean[exprs.size()];
    java.util.PriorityQueue<Integer> candidates = new java.util.PriorityQueue<>();
    java.util.BitSet queued = new java.util.BitSet();
    java.util.Map<String, List<Integer>> waiting = new java.util.HashMap<>();
    for (int i = 0; i < exprs.size(); i++) { candidates.add(i); queued.set(i); }
    List<Expr> ordered = new ArrayList<>(exprs.size());
    while (!candidates.isEmpty()) {
      int i = candidates.poll();
      queued.clear(i);
      Expr e = exprs.get(i);
      Set<String> out = outputs(e, bound, scope);
      if (out == null) {
        Set<String> vs = new HashSet<>();
        Vars.shallow(e, vs);
        Vars.closure(e, scope, vs);
        for (String v : vs) if (!bound.contains(v)) waiting.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
        continue;
      }
      // Closures inside the literal see what was bound before it; copy only when there are any.
      ordered.add(Vars.hasClosure(e) ? new Nested(new HashSet<>(bound), scope).expr(e) : e);
      done[i] = true;
      for (String v : out) {
        if (!bound.add(v)) continue;
        List<Integer> ws = waiting.remove(v);
        if (ws == null) continue;
        for (int w : ws) {
          if (!done[w] && !queued.get(w)) { candidates.add(w); queued.set(w); }
        }
      }
    }
    if (ordered.size() < exprs.size()) {
      List<Expr> remaining = new ArrayList<>();
      for (int i = 0; i < exprs.size(); i++) if (!done[i]) remaining.add(exprs.get(i));
      reportUnsafe(remaining, bound, scope);
      ordered.addAll(remaining);
    }
    return new Body(ordered, body.loc());
  }

  /**
   * Reports the vars that keep the remaining literals from running: those a literal could not
   * bind even if all its other vars were bound (in {@code z := count(w)}, w and not z). When
   * every var could be bound that way (a cycle such as {@code x = y}), all of them are reported.
   */
  private void reportUnsafe(List<Expr> remaining, Set<String> bound, Set<String> scope) {
    java.util.Map<String, Expr> culprits = new java.util.LinkedHashMap<>();
    java.util.Map<String, Expr> all = new java.util.LinkedHashMap<>();
    for (Expr e : remaining) {
      Set<String> vs = new LinkedHashSet<>();
      Vars.shallow(e, vs);
      Vars.closure(e, scope, vs);
      vs.removeAll(bound);
      for (String v : vs) {
        all.putIfAbsent(v, e);
        Set<String> others = new HashSet<>(bound);
        others.addAll(vs);
        others.remove(v);
        if (outputs(e, others, scope) == null) culprits.putIfAbsent(v, e);
      }
    }
    java.util.Map<String, Expr> report = culprits.isEmpty() ? all : culprits;
    for (java.util.Map.Entry<String, Expr> en : report.entrySet()) unsafe(en.getKey(), en.getValue());
  }

  private void unsafe(String name, io.exportguard.rego.ast.Node where) {
    Var found = find(name, where);
    String shown = new Var(name, null).userName();
    errors.add(Errors.UNSAFE, "var " + shown + " is unsafe", found != null ? found.loc() : where.loc());
  }

  /** The first occurrence of a var inside a node, for the error location. */
  private static Var find(String name, io.exportguard.rego.ast.Node n) {
    Var[] hit = new Var[1];
    Transformer t = new Transformer() {
      @Override
      Term var(Var v) {
        if (hit[0] == null && v.name().equals(name)) hit[0] = v;
        return v;
      }
    };
    if (n instanceof Expr e) t.expr(e);
    else if (n instanceof Term x) t.term(x);
    return hit[0];
  }

  // ---- what a literal binds, or null when it cannot run yet

  private Set<String> outputs(Expr e, Set<String> b, Set<String> scope) {
    Set<String> withOut = new HashSet<>();
    for (With w : e.with()) {
      if (isFunctionRef(w.value())) continue;
      Set<String> o = evalOut(w.value(), b, scope);
      if (o == null || !o.isEmpty() && !b.containsAll(o)) return null;
    }
    if (e instanceof SomeDecl) return withOut;
    if (e instanceof SomeIn s) {
      Set<String> co = evalOut(s.collection(), b, scope);
      if (co == null) return null;
      Set<String> b2x = new HashSet<>(co);
      Set<String> out = new HashSet<>(co);
      if (s.key() != null) {
        Set<String> k = patternOut(s.key(), plus(b, b2x), scope);
        if (k == null) return null;
        out.addAll(k);
        b2x.addAll(k);
      }
      Set<String> v = patternOut(s.value(), plus(b, b2x), scope);
      if (v == null) return null;
      out.addAll(v);
      return out;
    }
    if (e instanceof Every ev) {
      Set<String> d = evalOut(ev.domain(), b, scope);
      if (d == null) return null;
      Set<String> cl = new HashSet<>();
      Vars.closure(ev, scope, cl);
      return plus(b, d).containsAll(cl) ? d : null;
    }
    if (e instanceof LogicalExpr || e instanceof NotBody) {
      // Operands run once the outer variables they share are bound; they bind nothing outside.
      Set<String> cl = new HashSet<>();
      Vars.closure(e, scope, cl);
      return b.containsAll(cl) ? withOut : null;
    }
    TermExpr t = (TermExpr) e;
    if (t.negated()) {
      Set<String> vs = new HashSet<>();
      Vars.shallow(t.term(), vs);
      Vars.closure(t, scope, vs);
      for (String v : vs) if (!b.contains(v) && !v.startsWith("$")) return null;
      return withOut;
    }
    Term term = t.term();
    if (term instanceof Call c) {
      String name = c.name();
      if (("eq".equals(name) || "assign".equals(name)) && c.args().size() == 2) {
        return unify(c.args().get(0), c.args().get(1), b, scope);
      }
      Integer n = arity.apply(name);
      if (n != null && n >= 0 && c.args().size() == n + 1) {
        Set<String> in = new HashSet<>();
        for (int i = 0; i < n; i++) {
          Set<String> o = evalOut(c.args().get(i), plus(b, in), scope);
          if (o == null) return null;
          in.addAll(o);
        }
        Set<String> last = patternOut(c.args().get(n), plus(b, in), scope);
        if (last == null) return null;
        in.addAll(last);
        return in;
      }
    }
    return evalOut(term, b, scope);
  }

  /** A with value naming a function to use instead ({@code with f as count}) binds nothing. */
  private boolean isFunctionRef(Term t) {
    String name = t instanceof Var v ? v.name() : t instanceof Ref r ? r.dottedName() : null;
    return name != null && arity.apply(name) != null;
  }

  private Set<String> unify(Term a, Term c, Set<String> b, Set<String> scope) {
    List<Term[]> pairs = pairs(a, c);
    if (pairs != null) {
      Set<String> out = new HashSet<>();
      List<Term[]> pending = new ArrayList<>(pairs);
      // Pairs may depend on each other ([x, x + 1] = [1, y]): retry until no progress.
      boolean progress = true;
      while (!pending.isEmpty() && progress) {
        progress = false;
        for (int k = 0; k < pending.size(); k++) {
          Term[] pair = pending.get(k);
          Set<String> o = unify(pair[0], pair[1], plus(b, out), scope);
          if (o == null) continue;
          out.addAll(o);
          pending.remove(k);
          progress = true;
          break;
        }
      }
      return pending.isEmpty() ? out : null;
    }
    Set<String> ea = evalOut(a, b, scope);
    Set<String> ec = evalOut(c, b, scope);
    if (ea != null && ec != null) return union(ea, ec);
    if (ec != null) {
      Set<String> pa = patternOut(a, plus(b, ec), scope);
      if (pa != null) return union(ec, pa);
    }
    if (ea != null) {
      Set<String> pc = patternOut(c, plus(b, ea), scope);
      if (pc != null) return union(ea, pc);
    }
    return null;
  }

  /** Element pairs of two arrays of one length, or two objects with the same scalar keys; else null. */
  private static List<Term[]> pairs(Term a, Term c) {
    List<Term[]> out = new ArrayList<>();
    if (a instanceof ArrayTerm x && c instanceof ArrayTerm y && x.items().size() == y.items().size()) {
      for (int i = 0; i < x.items().size(); i++) out.add(new Term[] {x.items().get(i), y.items().get(i)});
      return out;
    }
    if (a instanceof ObjectTerm x && c instanceof ObjectTerm y && x.entries().size() == y.entries().size()) {
      java.util.Map<io.exportguard.rego.value.Value, Term> right = new java.util.HashMap<>();
      for (ObjectTerm.Entry e : y.entries()) {
        if (!(e.key() instanceof Scalar k)) return null;
        right.put(k.value(), e.value());
      }
      for (ObjectTerm.Entry e : x.entries()) {
        if (!(e.key() instanceof Scalar k) || !right.containsKey(k.value())) return null;
        out.add(new Term[] {e.value(), right.get(k.value())});
      }
      return out;
    }
    return null;
  }

  /** Vars a term binds when unified with a known value: itself if a var, array elements, object values. */
  private Set<String> patternOut(Term t, Set<String> b, Set<String> scope) {
    if (t instanceof Var v) return b.contains(v.name()) ? new HashSet<>() : new HashSet<>(Set.of(v.name()));
    if (t instanceof ArrayTerm a) {
      Set<String> out = new HashSet<>();
      for (Term x : a.items()) {
        Set<String> o = patternOut(x, plus(b, out), scope);
        if (o == null) return null;
        out.addAll(o);
      }
      return out;
    }
    if (t instanceof ObjectTerm o) {
      Set<String> out = new HashSet<>();
      for (ObjectTerm.Entry e : o.entries()) {
        Set<String> k = evalOut(e.key(), plus(b, out), scope);
        if (k == null) return null;
        out.addAll(k);
        Set<String> v = patternOut(e.value(), plus(b, out), scope);
        if (v == null) return null;
        out.addAll(v);
      }
      return out;
    }
    return evalOut(t, b, scope);
  }

  /** Vars evaluating a term binds (ref keys enumerate), or null when it needs an unbound var. */
  private Set<String> evalOut(Term t, Set<String> b, Set<String> scope) {
    if (t instanceof Scalar) return new HashSet<>();
    if (t instanceof Var v) return b.contains(v.name()) ? new HashSet<>() : null;
    if (t instanceof Ref r) {
      Set<String> out = new HashSet<>();
      Term head = r.head();
      if (head instanceof Var hv) {
        if (!hv.name().equals("data") && !hv.name().equals("input") && !b.contains(hv.name())) return null;
      } else {
        Set<String> h = evalOut(head, b, scope);
        if (h == null) return null;
        out.addAll(h);
      }
      for (int i = 1; i < r.size(); i++) {
        Term k = r.get(i);
        Set<String> b2 = plus(b, out);
        Set<String> o = (k instanceof Var || k instanceof ArrayTerm || k instanceof ObjectTerm)
            ? patternOut(k, b2, scope) : evalOut(k, b2, scope);
        if (o == null) return null;
        out.addAll(o);
      }
      return out;
    }
    if (t instanceof ArrayTerm a) return all(a.items(), b, scope);
    if (t instanceof SetTerm s) return all(s.items(), b, scope);
    if (t instanceof ObjectTerm o) {
      List<Term> ts = new ArrayList<>();
      for (ObjectTerm.Entry e : o.entries()) { ts.add(e.key()); ts.add(e.value()); }
      return all(ts, b, scope);
    }
    if (t instanceof Call c) return all(c.args(), b, scope);
    // A comprehension runs once the outer variables it shares are bound.
    Set<String> cl = new HashSet<>();
    Vars.closure(t, scope, cl);
    return b.containsAll(cl) ? new HashSet<>() : null;
  }

  /**
   * Vars the terms bind together. As the evaluator does, plain variables come last, so a ref among
   * the terms may bind a variable another one needs ({@code x == input.xs[x]}, as in OPA); each term is
   * looked at once, so nesting cannot make this exponential.
   */
  private Set<String> all(List<Term> ts, Set<String> b, Set<String> scope) {
    Set<String> out = new HashSet<>();
    for (int pass = 0; pass < 2; pass++) {
      for (Term x : ts) {
        if ((x instanceof Var) != (pass == 1)) continue;
        Set<String> o = evalOut(x, plus(b, out), scope);
        if (o == null) return null;
        out.addAll(o);
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> c) {
    Set<String> u = new HashSet<>(a);
    u.addAll(c);
    return u;
  }

  /**
   * The bound set plus a few more vars, as a read-only view: copying the bound set for every
   * sub-term would make long bodies quadratic.
   */
  private static Set<String> plus(Set<String> bound, Set<String> extra) {
    if (extra.isEmpty()) return bound;
    return new java.util.AbstractSet<>() {
      @Override
      public boolean contains(Object o) { return extra.contains(o) || bound.contains(o); }

      @Override
      public java.util.Iterator<String> iterator() {
        Set<String> all = new HashSet<>(bound);
        all.addAll(extra);
        return all.iterator();
      }

      @Override
      public int size() { return bound.size() + extra.size(); }
    };
  }

  /** Reorders the bodies of closures inside a literal, given what is bound when it runs. */
  private final class Nested extends Transformer {
    private final Set<String> bound;
    private final Set<String> scope;

    Nested(Set<String> bound, Set<String> scope) {
      this.bound = bound;
      this.scope = scope;
    }

    @Override
    Term arrayCompr(ArrayCompr c) {
      Set<String> b = new HashSet<>(bound);
      Body body = reorder(c.body(), b, scope);
      Term head = headChecked(c.head(), b, c.body(), body);
      return new ArrayCompr(head, body, c.loc());
    }

    @Override
    Term setCompr(SetCompr c) {
      Set<String> b = new HashSet<>(bound);
      Body body = reorder(c.body(), b, scope);
      return new SetCompr(headChecked(c.head(), b, c.body(), body), body, c.loc());
    }

    @Override
    Term objectCompr(ObjectCompr c) {
      Set<String> b = new HashSet<>(bound);
      Body body = reorder(c.body(), b, scope);
      Term k = headChecked(c.key(), b, c.body(), body);
      return new ObjectCompr(k, headChecked(c.value(), b, c.body(), body), body, c.loc());
    }

    private Term headChecked(Term head, Set<String> b, Body original, Body ordered) {
      Set<String> vs = new LinkedHashSet<>();
      Vars.shallow(head, vs);
      // A var the body mentions but cannot bind was reported there already.
      Set<String> inBody = Vars.of(original);
      for (String v : vs) if (!b.contains(v) && !inBody.contains(v)) unsafe(v, head);
      Set<String> inner = new HashSet<>(scope);
      for (Expr e : ordered.exprs()) Vars.shallow(e, inner);
      return new Nested(b, inner).term(head);
    }

    /** An and/or/not operand, ordered with what is bound where the expression runs. */
    @Override
    Body nestedBody(Body operand) {
      return reorder(operand, new HashSet<>(bound), scope);
    }

    @Override
    Expr every(Every ev) {
      Set<String> b = new HashSet<>(bound);
      if (ev.key() != null) Vars.term(ev.key(), b);
      Vars.term(ev.value(), b);
      Set<String> inner = new HashSet<>(scope);
      if (ev.key() != null) Vars.term(ev.key(), inner);
      Vars.term(ev.value(), inner);
      Body body = reorder(ev.body(), b, inner);
      return new Every(ev.key(), ev.value(), ev.domain(), body, ev.with(), ev.loc());
    }
  }
}
