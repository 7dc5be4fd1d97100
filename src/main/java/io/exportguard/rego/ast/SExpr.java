package io.exportguard.rego.ast;

import java.util.List;

/**
 * Prints AST nodes as S-expressions, for tests and debugging. Scalars print as JSON, vars bare,
 * {@code a.b[x]} as {@code (ref a "b" x)}, calls as {@code (call plus x 1)}, literals as their term
 * (wrapped in {@code (not ...)} and {@code (with ... (target value))}), bodies as {@code (body ...)}.
 */
public final class SExpr {
  private SExpr() {}

  public static String print(Node n) {
    StringBuilder sb = new StringBuilder();
    node(sb, n);
    return sb.toString();
  }

  private static void node(StringBuilder sb, Node n) {
    if (n instanceof Term t) term(sb, t);
    else if (n instanceof Expr e) expr(sb, e);
    else if (n instanceof Body b) body(sb, b);
    else if (n instanceof Rule r) rule(sb, r);
    else if (n instanceof Module m) module(sb, m);
    else if (n instanceof With w) with(sb, w);
    else if (n instanceof Import i) importDecl(sb, i);
    else if (n instanceof PackageDecl p) { sb.append("(package "); term(sb, p.path()); sb.append(')'); }
    else sb.append(n);
  }

  private static void module(StringBuilder sb, Module m) {
    sb.append("(module ");
    node(sb, m.pkg());
    for (Import i : m.imports()) { sb.append("\n  "); importDecl(sb, i); }
    for (Rule r : m.rules()) { sb.append("\n  "); rule(sb, r); }
    sb.append(')');
  }

  private static void importDecl(StringBuilder sb, Import i) {
    sb.append("(import ");
    term(sb, i.path());
    if (i.alias() != null) sb.append(" as ").append(i.alias());
    sb.append(')');
  }

  private static void rule(StringBuilder sb, Rule r) {
    sb.append('(').append(r.isDefault() ? "default-" : "").append(r.kind().name().toLowerCase().replace('_', '-')).append(' ');
    term(sb, r.head());
    if (!r.args().isEmpty() || r.kind() == RuleKind.FUNCTION) list(sb, " (args", r.args());
    if (r.key() != null) { sb.append(" (key "); term(sb, r.key()); sb.append(')'); }
    if (r.value() != null) { sb.append(r.assign() ? " (:= " : " (= "); term(sb, r.value()); sb.append(')'); }
    sb.append(' ');
    body(sb, r.body());
    for (Rule e = r.elseRule(); e != null; e = e.elseRule()) {
      sb.append(" (else");
      if (e.value() != null) { sb.append(e.assign() ? " (:= " : " (= "); term(sb, e.value()); sb.append(')'); }
      sb.append(' ');
      body(sb, e.body());
      sb.append(')');
    }
    sb.append(')');
  }

  private static void body(StringBuilder sb, Body b) {
    sb.append("(body");
    for (Expr e : b.exprs()) { sb.append(' '); expr(sb, e); }
    sb.append(')');
  }

  private static void expr(StringBuilder sb, Expr e) {
    int close = 0;
    if (!e.with().isEmpty()) { sb.append("(with "); close++; }
    if (e.negated()) { sb.append("(not "); close++; }
    if (e instanceof TermExpr t) term(sb, t.term());
    else if (e instanceof SomeDecl s) list(sb, "(some", s.vars());
    else if (e instanceof SomeIn s) {
      sb.append("(some-in ");
      if (s.key() != null) { term(sb, s.key()); sb.append(' '); }
      term(sb, s.value()); sb.append(' '); term(sb, s.collection()); sb.append(')');
    } else if (e instanceof Every ev) {
      sb.append("(every ");
      if (ev.key() != null) { term(sb, ev.key()); sb.append(' '); }
      term(sb, ev.value()); sb.append(' '); term(sb, ev.domain()); sb.append(' '); body(sb, ev.body()); sb.append(')');
    } else if (e instanceof LogicalExpr l) {
      sb.append(l.op() == LogicalExpr.Op.AND ? "(and " : "(or ");
      body(sb, l.lhs());
      sb.append(' ');
      body(sb, l.rhs());
      sb.append(')');
    } else if (e instanceof NotBody nb) {
      body(sb, nb.body());
    }
    if (e.negated()) { sb.append(')'); close--; }
    for (With w : e.with()) { sb.append(' '); with(sb, w); }
    if (close > 0) sb.append(')');
  }

  private static void with(StringBuilder sb, With w) {
    sb.append('(');
    term(sb, w.target());
    sb.append(' ');
    term(sb, w.value());
    sb.append(')');
  }

  private static void term(StringBuilder sb, Term t) {
    if (t instanceof Scalar s) sb.append(s.value().toJson());
    else if (t instanceof Var v) sb.append(v.name());
    else if (t instanceof Ref r) list(sb, "(ref", r.terms());
    else if (t instanceof ArrayTerm a) list(sb, "(array", a.items());
    else if (t instanceof SetTerm s) list(sb, "(set", s.items());
    else if (t instanceof ObjectTerm o) {
      sb.append("(object");
      for (ObjectTerm.Entry e : o.entries()) {
        sb.append(" (");
        term(sb, e.key());
        sb.append(' ');
        term(sb, e.value());
        sb.append(')');
      }
      sb.append(')');
    } else if (t instanceof ArrayCompr c) compr(sb, "arraycompr", c.head(), null, c.body());
    else if (t instanceof SetCompr c) compr(sb, "setcompr", c.head(), null, c.body());
    else if (t instanceof ObjectCompr c) compr(sb, "objectcompr", c.key(), c.value(), c.body());
    else if (t instanceof TemplateString ts) template(sb, ts);
    else if (t instanceof Call c) {
      sb.append("(call ");
      String name = c.name();
      if (name != null) sb.append(name); else term(sb, c.operator());
      for (Term a : c.args()) { sb.append(' '); term(sb, a); }
      sb.append(')');
    }
  }

  private static void template(StringBuilder sb, TemplateString t) {
    sb.append(t.raw() ? "(raw-template" : "(template");
    for (TermExpr p : t.parts()) {
      sb.append(' ');
      expr(sb, p);
    }
    sb.append(')');
  }

  private static void compr(StringBuilder sb, String kind, Term head, Term value, Body body) {
    sb.append('(').append(kind).append(' ');
    term(sb, head);
    if (value != null) { sb.append(' '); term(sb, value); }
    sb.append(' ');
    body(sb, body);
    sb.append(')');
  }

  private static void list(StringBuilder sb, String open, List<? extends Term> items) {
    sb.append(open);
    for (Term t : items) { sb.append(' '); term(sb, t); }
    sb.append(')');
  }
}
