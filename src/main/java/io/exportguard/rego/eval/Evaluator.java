package io.exportguard.rego.eval;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Top-down evaluation of bodies, expressions and terms in continuation-passing style: every way an
 * expression can succeed calls the continuation once, with its variables bound in the frame, and
 * unbinds them when the continuation returns. A continuation returns true to stop the search.
 * One evaluator serves one query on one thread.
 */
class Evaluator {

  /** What comes after a literal succeeds; true stops the search. */
  interface Next {
    boolean next();
  }

  /** Receives each value a term evaluates to; true stops the search. */
  interface EachValue {
    boolean accept(Value v);
  }

  /** Receives each key/value pair of a collection. */
  interface Pairs {
    boolean accept(Value key, Value value);
  }

  /** Filled as indexes are met (making all 1,024 up front was most of the class's first use). */
  private static final NumberValue[] SMALL_INTS = new NumberValue[1024];

  final Session session;
  Context ctx;

  Evaluator(Session session, Context ctx) {
    this.session = session;
    this.ctx = ctx;
  }

  static NumberValue index(int i) {
    if (i >= SMALL_INTS.length) return NumberValue.of(i);
    NumberValue n = SMALL_INTS[i];
    // Two threads may both make one: equal, immutable values, so either will do.
    if (n == null) SMALL_INTS[i] = n = NumberValue.of(i);
    return n;
  }

  // ---------------------------------------------------------------- bodies and literals

  boolean evalBody(Body body, int i, Value[] f, Next k) {
    Literal[] lits = body.literals();
    if (i == lits.length) return k.next();
    return evalLiteral(lits[i], f, () -> evalBody(body, i + 1, f, k));
  }

  boolean evalLiteral(Literal lit, Value[] f, Next k) {
    session.tick();
    try {
      if (lit.withs().length > 0) return Withs.eval(this, lit, f, k);
      return evalLiteralPlain(lit, f, k);
    } catch (EvalException e) {
      throw e.at(lit.file(), lit.line(), lit.column());
    }
  }

  boolean evalLiteralPlain(Literal lit, Value[] f, Next k) {
    if (!lit.negated()) return evalExpr(lit.expr(), f, k);
    boolean[] found = {false};
    evalExpr(lit.expr(), f, () -> {
      found[0] = true;
      return true;
    });
    return !found[0] && k.next();
  }

  private boolean evalExpr(Expr e, Value[] f, Next k) {
    if (e instanceof Expr.Truthy t) return evalTerm(t.term(), f, v -> v != BooleanValue.FALSE && k.next());
    if (e instanceof Expr.Unify u) return unify(u.left(), u.right(), f, k);
    if (e instanceof Expr.CallOut c) return evalTerm(c.call(), f, v -> unifyValue(c.output(), v, f, k));
    if (e instanceof Expr.SomeIn s) return evalSomeIn(s, f, k);
    if (e instanceof Expr.Every ev) return evalEvery(ev, f, k);
    if (e instanceof Expr.Print p) {
      session.print(Printing.line(this, p.args(), f));
      return k.next();
    }
    if (e instanceof Expr.Exists x) return evalExists(x, f, k);
    return k.next();
  }

  private boolean evalExists(Expr.Exists x, Value[] f, Next k) {
    for (Body b : x.bodies()) {
      if (evalBody(b, 0, f, () -> true)) return k.next();
    }
    return false;
  }

  private boolean evalSomeIn(Expr.SomeIn s, Value[] f, Next k) {
    return evalTerm(s.collection(), f, coll -> forEachPair(coll, (key, val) -> s.key() == null
        ? unifyValue(s.value(), val, f, k)
        : unifyValue(s.key(), key, f, () -> unifyValue(s.value(), val, f, k))));
  }

  private boolean evalEvery(Expr.Every ev, Value[] f, Next k) {
    return evalTerm(ev.domain(), f, domain -> {
      if (!(domain instanceof ArrayValue || domain instanceof ObjectValue || domain instanceof SetValue)) return false;
      boolean all = !forEachPair(domain, (key, val) -> {
        Next body = () -> evalBody(ev.body(), 0, f, () -> true);
        boolean satisfied = ev.key() == null ? unifyValue(ev.value(), val, f, body)
            : unifyValue(ev.key(), key, f, () -> unifyValue(ev.value(), val, f, body));
        return !satisfied; // stop at the first element the body does not hold for
      });
      return all && k.next();
    });
  }

  /** Calls fn with each key/value of an array (index), object or set (element twice); true if fn stopped. */
  static boolean forEachPair(Value coll, Pairs fn) {
    if (coll instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) if (fn.accept(index(i), a.get(i))) return true;
    } else if (coll instanceof ObjectValue o) {
      for (var e : o.entries().entrySet()) if (fn.accept(e.getKey(), e.getValue())) return true;
    } else if (coll instanceof SetValue s) {
      for (Value v : s) if (fn.accept(v, v)) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- unification

  /** Whether a term can be evaluated to values now (no unbound variable outside a ref's selectors). */
  static boolean evaluable(Term t, Value[] f) {
    if (t instanceof Term.Var v) return f[v.slot()] != null;
    if (t instanceof Term.ArrayLit a) return allEvaluable(a.items(), f);
    if (t instanceof Term.SetLit s) return allEvaluable(s.items(), f);
    if (t instanceof Term.ObjectLit o) return allEvaluable(o.keys(), f) && allEvaluable(o.values(), f);
    if (t instanceof Term.Ref r) return evaluable(r.head(), f);
    return true;
  }

  private static boolean allEvaluable(Term[] ts, Value[] f) {
    for (Term t : ts) if (!evaluable(t, f)) return false;
    return true;
  }

  boolean unify(Term a, Term b, Value[] f, Next k) {
    if (evaluable(a, f)) return evalTerm(a, f, av -> unifyValue(b, av, f, k));
    if (evaluable(b, f)) return evalTerm(b, f, bv -> unifyValue(a, bv, f, k));
    if (a instanceof Term.Var va && b instanceof Term.Var vb) {
      throw new EvalException(EvalException.INTERNAL, "cannot unify unbound variables " + va.name() + " and " + vb.name());
    }
    if (a instanceof Term.ArrayLit x && b instanceof Term.ArrayLit y) {
      return x.items().length == y.items().length && unifyPairs(x.items(), y.items(), 0, f, k);
    }
    if (a instanceof Term.ObjectLit x && b instanceof Term.ObjectLit y && x.keys().length == y.keys().length) {
      return unifyObjectPatterns(x, y, 0, f, k);
    }
    return false;
  }

  private boolean unifyPairs(Term[] xs, Term[] ys, int i, Value[] f, Next k) {
    if (i == xs.length) return k.next();
    return unify(xs[i], ys[i], f, () -> unifyPairs(xs, ys, i + 1, f, k));
  }

  private boolean unifyObjectPatterns(Term.ObjectLit x, Term.ObjectLit y, int i, Value[] f, Next k) {
    if (i == x.keys().length) return k.next();
    return evalTerm(x.keys()[i], f, key -> {
      for (int j = 0; j < y.keys().length; j++) {
        int jj = j;
        boolean stop = evalTerm(y.keys()[j], f, other -> other.equals(key)
            && unify(x.values()[i], y.values()[jj], f, () -> unifyObjectPatterns(x, y, i + 1, f, k)));
        if (stop) return true;
      }
      return false;
    });
  }

  /** Unifies a pattern term with a value. */
  boolean unifyValue(Term p, Value v, Value[] f, Next k) {
    if (p instanceof Term.Var var) {
      Value cur = f[var.slot()];
      if (cur != null) return cur.equals(v) && k.next();
      f[var.slot()] = v;
      try {
        return k.next();
      } finally {
        f[var.slot()] = null;
      }
    }
    if (p instanceof Term.Const c) return c.value().equals(v) && k.next();
    if (p instanceof Term.ArrayLit a) {
      return v instanceof ArrayValue av && av.size() == a.items().length && unifyItems(a.items(), av, 0, f, k);
    }
    if (p instanceof Term.ObjectLit o && !evaluable(p, f)) {
      return v instanceof ObjectValue ov && ov.size() == o.keys().length && unifyEntries(o, ov, 0, f, k);
    }
    return evalTerm(p, f, pv -> pv.equals(v) && k.next());
  }

  private boolean unifyItems(Term[] items, ArrayValue a, int i, Value[] f, Next k) {
    if (i == items.length) return k.next();
    return unifyValue(items[i], a.get(i), f, () -> unifyItems(items, a, i + 1, f, k));
  }

  private boolean unifyEntries(Term.ObjectLit o, ObjectValue v, int i, Value[] f, Next k) {
    if (i == o.keys().length) return k.next();
    return evalTerm(o.keys()[i], f, key -> {
      Value val = v.get(key);
      return val != null && unifyValue(o.values()[i], val, f, () -> unifyEntries(o, v, i + 1, f, k));
    });
  }

  // ---------------------------------------------------------------- terms

  /** Calls k with every value the term has (none when undefined). */
  boolean evalTerm(Term t, Value[] f, EachValue k) {
    if (t instanceof Term.Const c) return k.accept(c.value());
    if (t instanceof Term.Var v) {
      Value val = f[v.slot()];
      if (val == null) throw new EvalException(EvalException.INTERNAL, "var " + v.name() + " is unbound");
      return k.accept(val);
    }
    if (t instanceof Term.DataRef d) return session.documents.evalData(this, d.path(), f, k);
    if (t instanceof Term.InputRef in) return ctx.input != null && walk(ctx.input, in.path(), 0, f, k);
    if (t instanceof Term.Ref r) return evalTerm(r.head(), f, hv -> walk(hv, r.path(), 0, f, k));
    if (t instanceof Term.Call c) return evalArgs(c.args(), 0, new Value[c.args().length], f,
        args -> Calls.invoke(this, c.callee(), args, k));
    if (t instanceof Term.ArrayLit a) return evalArgs(a.items(), 0, new Value[a.items().length], f,
        items -> k.accept(ArrayValue.wrap(items.clone())));
    if (t instanceof Term.SetLit s) return evalArgs(s.items(), 0, new Value[s.items().length], f,
        items -> k.accept(SetValue.of(items)));
    if (t instanceof Term.ObjectLit o) return evalObjectLit(o, f, k);
    return evalComprehension(t, f, k);
  }

  /** Receives evaluated arguments. */
  interface ArgsNext {
    boolean accept(Value[] args);
  }

  boolean evalArgs(Term[] ts, int i, Value[] out, Value[] f, ArgsNext k) {
    if (i == ts.length) return k.accept(out);
    Term t = ts[i];
    if (t instanceof Term.Const c) {
      out[i] = c.value();
      return evalArgs(ts, i + 1, out, f, k);
    }
    if (t instanceof Term.Var v) {
      if (f[v.slot()] == null) return evalArgsVarsLast(ts, i, out, f, k);
      out[i] = f[v.slot()];
      return evalArgs(ts, i + 1, out, f, k);
    }
    return evalTerm(t, f, v -> {
      out[i] = v;
      return evalArgs(ts, i + 1, out, f, k);
    });
  }

  /**
   * An argument is a variable that a later argument binds ({@code x == input.xs[x]}, which the
   * compiler allows as OPA does): the other arguments are evaluated first, the variables last.
   */
  private boolean evalArgsVarsLast(Term[] ts, int from, Value[] out, Value[] f, ArgsNext k) {
    int[] order = new int[ts.length - from];
    int n = 0;
    for (int j = from; j < ts.length; j++) if (!(ts[j] instanceof Term.Var)) order[n++] = j;
    for (int j = from; j < ts.length; j++) if (ts[j] instanceof Term.Var) order[n++] = j;
    return evalInOrder(ts, order, 0, out, f, k);
  }

  private boolean evalInOrder(Term[] ts, int[] order, int n, Value[] out, Value[] f, ArgsNext k) {
    if (n == order.length) return k.accept(out);
    int i = order[n];
    return evalTerm(ts[i], f, v -> {
      out[i] = v;
      return evalInOrder(ts, order, n + 1, out, f, k);
    });
  }

  private boolean evalObjectLit(Term.ObjectLit o, Value[] f, EachValue k) {
    int n = o.keys().length;
    Term[] all = new Term[n * 2];
    for (int i = 0; i < n; i++) {
      all[2 * i] = o.keys()[i];
      all[2 * i + 1] = o.values()[i];
    }
    return evalArgs(all, 0, new Value[2 * n], f, kv -> {
      TreeMap<Value, Value> m = new TreeMap<>();
      for (int i = 0; i < n; i++) m.put(kv[2 * i], kv[2 * i + 1]);
      return k.accept(ObjectValue.wrap(m));
    });
  }

  private boolean evalComprehension(Term t, Value[] f, EachValue k) {
    Term.Scope scope = SlotCounter.scope(t);
    if (!scope.closed) return k.accept(comprehensionValue(t, f));
    Value v = ctx.memo.get(scope);
    if (v == null) {
      v = comprehensionValue(t, f);
      ctx.memo.put(scope, v);
    }
    return k.accept(v);
  }

  private Value comprehensionValue(Term t, Value[] f) {
    if (t instanceof Term.ArrayCompr a) {
      List<Value> out = new ArrayList<>();
      evalBody(a.body(), 0, f, () -> evalTerm(a.head(), f, v -> {
        session.chargeElements(1);
        out.add(v);
        return false;
      }));
      return ArrayValue.of(out);
    }
    if (t instanceof Term.SetCompr s) {
      TreeSet<Value> out = new TreeSet<>();
      evalBody(s.body(), 0, f, () -> evalTerm(s.head(), f, v -> {
        session.chargeElements(1);
        out.add(v);
        return false;
      }));
      return SetValue.wrap(out);
    }
    Term.ObjectCompr o = (Term.ObjectCompr) t;
    TreeMap<Value, Value> out = new TreeMap<>();
    evalBody(o.body(), 0, f, () -> evalTerm(o.key(), f, key -> evalTerm(o.value(), f, val -> {
      session.chargeElements(1);
      Value prev = out.putIfAbsent(key, val);
      if (prev != null && !prev.equals(val)) {
        throw new EvalException(EvalException.CONFLICT, "object keys must be unique");
      }
      return false;
    })));
    return ObjectValue.wrap(out);
  }

  // ---------------------------------------------------------------- walking values

  /** Selects path[i..] from a value, enumerating where a selector is an unbound variable or pattern. */
  boolean walk(Value v, Term[] path, int i, Value[] f, EachValue k) {
    while (true) {
      if (i == path.length) return k.accept(v);
      Term seg = path[i];
      Value key = null;
      if (seg instanceof Term.Const c) key = c.value();
      else if (seg instanceof Term.Var var) key = f[var.slot()];
      if (key == null) break;
      v = select(v, key);
      if (v == null) return false;
      i++;
    }
    Term seg = path[i];
    int next = i + 1;
    if (evaluable(seg, f)) {
      Value base = v;
      return evalTerm(seg, f, key -> {
        Value child = select(base, key);
        return child != null && walk(child, path, next, f, k);
      });
    }
    return forEachPair(v, (key, val) -> unifyValue(seg, key, f, () -> walk(val, path, next, f, k)));
  }

  /** {@code v[key]}: object member, array element, set member; null when absent. */
  static Value select(Value v, Value key) {
    if (v instanceof ObjectValue o) return o.get(key);
    if (v instanceof ArrayValue a) {
      if (!(key instanceof NumberValue n)) return null;
      Integer i = n.intValueOrNull();
      return i == null || i < 0 || i >= a.size() ? null : a.get(i);
    }
    if (v instanceof SetValue s) return s.contains(key) ? key : null;
    return null;
  }
}
