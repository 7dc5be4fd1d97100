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
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the variables of AST nodes (all of them, including those inside comprehensions). */
final class Vars {
  private Vars() {}

  static Set<String> of(Term t) {
    Set<String> out = new LinkedHashSet<>();
    term(t, out);
    return out;
  }

  static Set<String> of(Expr e) {
    Set<String> out = new LinkedHashSet<>();
    expr(e, out);
    return out;
  }

  static Set<String> of(Body b) {
    Set<String> out = new LinkedHashSet<>();
    body(b, out);
    return out;
  }

  static void body(Body b, Set<String> out) {
    for (Expr e : b.exprs()) expr(e, out);
  }

  static void expr(Expr e, Set<String> out) {
    if (e instanceof TermExpr t) term(t.term(), out);
    else if (e instanceof SomeDecl s) for (Var v : s.vars()) out.add(v.name());
    else if (e instanceof SomeIn s) {
      if (s.key() != null) term(s.key(), out);
      term(s.value(), out);
      term(s.collection(), out);
    } else if (e instanceof Every ev) {
      if (ev.key() != null) term(ev.key(), out);
      term(ev.value(), out);
      term(ev.domain(), out);
      body(ev.body(), out);
    } else if (e instanceof LogicalExpr l) {
      body(l.lhs(), out);
      body(l.rhs(), out);
    } else if (e instanceof NotBody n) {
      body(n.body(), out);
    }
    for (With w : e.with()) {
      term(w.target(), out);
      term(w.value(), out);
    }
  }

  static void term(Term t, Set<String> out) {
    if (t instanceof Var v) out.add(v.name());
    else if (t instanceof Ref r) terms(r.terms(), out);
    else if (t instanceof ArrayTerm a) terms(a.items(), out);
    else if (t instanceof SetTerm s) terms(s.items(), out);
    else if (t instanceof ObjectTerm o) {
      for (ObjectTerm.Entry en : o.entries()) {
        term(en.key(), out);
        term(en.value(), out);
      }
    } else if (t instanceof ArrayCompr c) {
      term(c.head(), out);
      body(c.body(), out);
    } else if (t instanceof SetCompr c) {
      term(c.head(), out);
      body(c.body(), out);
    } else if (t instanceof ObjectCompr c) {
      term(c.key(), out);
      term(c.value(), out);
      body(c.body(), out);
    } else if (t instanceof Call c) {
      terms(c.args(), out);
    } else if (t instanceof TemplateString ts) {
      for (TermExpr p : ts.parts()) expr(p, out);
    }
  }

  static void terms(List<Term> ts, Set<String> out) {
    for (Term t : ts) term(t, out);
  }

  /** Vars of a node outside comprehension, every and and/or/not operand bodies. */
  static void shallow(io.exportguard.rego.ast.Node n, Set<String> out) {
    if (n instanceof Term t) shallowTerm(t, out);
    else if (n instanceof TermExpr e) {
      shallowTerm(e.term(), out);
      for (With w : e.with()) shallowTerm(w.value(), out);
    } else if (n instanceof SomeDecl) {
      // A declaration alone does not make a variable the body's: as in OPA (which drops `some x`
      // after renaming), a variable used only inside closures is local to each of them.
    } else if (n instanceof SomeIn s) {
      if (s.key() != null) shallowTerm(s.key(), out);
      shallowTerm(s.value(), out);
      shallowTerm(s.collection(), out);
    } else if (n instanceof Every ev) {
      shallowTerm(ev.domain(), out);
    } else if (n instanceof LogicalExpr || n instanceof NotBody) {
      for (With w : ((Expr) n).with()) shallowTerm(w.value(), out);
    }
  }

  private static void shallowTerm(Term t, Set<String> out) {
    if (t instanceof Var v) {
      // The roots of documents are always bound (and cannot be declared locally).
      if (!v.name().equals("data") && !v.name().equals("input")) out.add(v.name());
    }
    else if (t instanceof Ref r) for (Term x : r.terms()) shallowTerm(x, out);
    else if (t instanceof ArrayTerm a) for (Term x : a.items()) shallowTerm(x, out);
    else if (t instanceof SetTerm s) for (Term x : s.items()) shallowTerm(x, out);
    else if (t instanceof ObjectTerm o) {
      for (ObjectTerm.Entry e : o.entries()) { shallowTerm(e.key(), out); shallowTerm(e.value(), out); }
    } else if (t instanceof Call c) for (Term x : c.args()) shallowTerm(x, out);
  }

  /** Vars inside the closures (comprehensions, every, and/or/not operands) of a node that belong to the enclosing scope. */
  static void closure(io.exportguard.rego.ast.Node n, Set<String> scope, Set<String> out) {
    Set<String> all = new HashSet<>();
    if (n instanceof Term t) Vars.term(t, all);
    else if (n instanceof Expr e) Vars.expr(e, all);
    Set<String> shallowVars = new HashSet<>();
    if (!(n instanceof ArrayCompr || n instanceof SetCompr || n instanceof ObjectCompr)) shallow(n, shallowVars);
    for (String v : all) if (scope.contains(v) && !shallowVars.contains(v)) out.add(v);
  }


  /** True when the literal contains a comprehension or an every (whose bodies are ordered separately). */
  static boolean hasClosure(Expr e) {
    if (e instanceof Every || e instanceof LogicalExpr || e instanceof NotBody) return true;
    if (e instanceof TermExpr t) {
      if (hasClosure(t.term())) return true;
    } else if (e instanceof SomeIn s) {
      if (s.key() != null && hasClosure(s.key())) return true;
      if (hasClosure(s.value()) || hasClosure(s.collection())) return true;
    }
    for (With w : e.with()) if (hasClosure(w.value())) return true;
    return false;
  }

  private static boolean hasClosure(Term t) {
    if (t instanceof ArrayCompr || t instanceof SetCompr || t instanceof ObjectCompr) return true;
    if (t instanceof Ref r) return anyClosure(r.terms());
    if (t instanceof ArrayTerm a) return anyClosure(a.items());
    if (t instanceof SetTerm s) return anyClosure(s.items());
    if (t instanceof Call c) return anyClosure(c.args());
    if (t instanceof ObjectTerm o) {
      for (ObjectTerm.Entry en : o.entries()) if (hasClosure(en.key()) || hasClosure(en.value())) return true;
    }
    return false;
  }

  private static boolean anyClosure(List<Term> ts) {
    for (Term t : ts) if (hasClosure(t)) return true;
    return false;
  }
}
