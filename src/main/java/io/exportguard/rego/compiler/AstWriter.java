package io.exportguard.rego.compiler;

import static io.exportguard.rego.compiler.AstCodec.*;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Import;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.LogicalExpr;
import io.exportguard.rego.ast.Module;
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
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes modules and user functions. Fails on a value it has no tag for (the form is then not made). */
final class AstWriter extends CodecOut {
  private final Map<Location, Integer> locations = new HashMap<>();

  byte[] write(List<Module> modules, Map<String, Integer> userFunctions) throws IOException {
    uint(modules.size());
    for (Module m : modules) module(m);
    TreeMap<String, Integer> sorted = new TreeMap<>(userFunctions); // the same policy, the same bytes
    uint(sorted.size());
    for (Map.Entry<String, Integer> e : sorted.entrySet()) {
      str(e.getKey());
      uint(e.getValue());
    }
    return out.toByteArray();
  }

  private void module(Module m) throws IOException {
    str(m.file()); // not the source: the reader is given it (the form's header has its length and hash)
    ref(m.pkg().path());
    loc(m.pkg().loc());
    uint(m.imports().size());
    for (Import i : m.imports()) {
      ref(i.path());
      str(i.alias());
      loc(i.loc());
    }
    rules(m.rules());
    annotations(m.annotations());
    uint(m.regoVersion() == null ? 0 : m.regoVersion().ordinal() + 1);
  }

  private void rules(List<Rule> rules) throws IOException {
    uint(rules.size());
    for (Rule r : rules) rule(r);
  }

  private void rule(Rule r) throws IOException {
    if (r == null) {
      uint(0);
      return;
    }
    uint(r.kind().ordinal() + 1);
    ref(r.head());
    terms(r.args());
    term(r.key());
    term(r.value());
    uint((r.assign() ? 1 : 0) | (r.isDefault() ? 2 : 0));
    body(r.body());
    rule(r.elseRule());
    annotations(r.annotations());
    loc(r.loc());
  }

  private void body(Body b) throws IOException {
    if (b == null) {
      uint(0);
      return;
    }
    uint(b.exprs().size() + 1);
    for (Expr e : b.exprs()) expr(e);
    loc(b.loc());
  }

  private void expr(Expr e) throws IOException {
    if (e instanceof TermExpr t) {
      uint(TERM_EXPR);
      term(t.term());
      uint(t.negated() ? 1 : 0);
    } else if (e instanceof SomeDecl s) {
      uint(SOME_DECL);
      uint(s.vars().size());
      for (Var v : s.vars()) term(v);
    } else if (e instanceof SomeIn s) {
      uint(SOME_IN);
      term(s.key());
      term(s.value());
      term(s.collection());
    } else if (e instanceof Every ev) {
      uint(EVERY);
      term(ev.key());
      term(ev.value());
      term(ev.domain());
      body(ev.body());
    } else if (e instanceof LogicalExpr l) {
      uint(LOGICAL);
      uint(l.op().ordinal());
      body(l.lhs());
      body(l.rhs());
    } else if (e instanceof NotBody n) {
      uint(NOT_BODY);
      body(n.body());
    } else {
      throw new IOException("no compact form for " + e.getClass().getName());
    }
    if (!(e instanceof SomeDecl)) withs(e.with());
    loc(e.loc());
  }

  private void withs(List<With> with) throws IOException {
    uint(with.size());
    for (With w : with) {
      ref(w.target());
      term(w.value());
      loc(w.loc());
    }
  }

  private void terms(List<? extends Term> terms) throws IOException {
    uint(terms.size());
    for (Term t : terms) term(t);
  }

  private void ref(Ref r) throws IOException {
    term(r);
  }

  private void term(Term t) throws IOException {
    if (t == null) {
      uint(NULL);
      return;
    }
    if (t instanceof Scalar s) {
      uint(SCALAR);
      value(s.value());
    } else if (t instanceof Var v) {
      uint(VAR);
      str(v.name());
    } else if (t instanceof Ref r) {
      uint(REF);
      terms(r.terms());
    } else if (t instanceof ArrayTerm a) {
      uint(ARRAY_TERM);
      terms(a.items());
    } else if (t instanceof SetTerm s) {
      uint(SET_TERM);
      terms(s.items());
    } else if (t instanceof ObjectTerm o) {
      uint(OBJECT_TERM);
      uint(o.entries().size());
      for (ObjectTerm.Entry e : o.entries()) {
        term(e.key());
        term(e.value());
      }
    } else if (t instanceof ArrayCompr c) {
      uint(ARRAY_COMPR);
      term(c.head());
      body(c.body());
    } else if (t instanceof SetCompr c) {
      uint(SET_COMPR);
      term(c.head());
      body(c.body());
    } else if (t instanceof ObjectCompr c) {
      uint(OBJECT_COMPR);
      term(c.key());
      term(c.value());
      body(c.body());
    } else if (t instanceof Call c) {
      uint(CALL);
      ref(c.operator());
      terms(c.args());
    } else if (t instanceof TemplateString ts) {
      uint(TEMPLATE);
      uint(ts.parts().size());
      for (TermExpr p : ts.parts()) expr(p);
      uint(ts.raw() ? 1 : 0);
    } else {
      throw new IOException("no compact form for " + t.getClass().getName());
    }
    loc(t.loc());
  }

  private void loc(Location l) throws IOException {
    if (l == null) {
      uint(0);
      return;
    }
    Integer seen = locations.get(l);
    if (seen != null) {
      uint(seen + 2);
      return;
    }
    locations.put(l, locations.size());
    uint(1);
    str(l.file());
    uint(l.line());
    uint(l.column());
  }
}
