package io.exportguard.rego.eval;

import static io.exportguard.rego.eval.PlanCodec.*;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.compiler.CodecOut;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a plan's section ({@link PlanCodec}). Fails on anything it has no tag for (the form is then not made). */
final class PlanWriter extends CodecOut {
  private final Plan plan;

  private PlanWriter(Plan plan) { this.plan = plan; }

  /** The section of {@code plan} with its {@code packages} and the plans of {@code queries} (parsed in {@code version}). */
  static byte[] write(Plan plan, List<PackageInfo> packages, RegoVersion version, Map<String, QueryPlan> queries)
      throws IOException {
    PlanWriter w = new PlanWriter(plan);
    w.uint(version.ordinal());
    w.packages(packages);
    w.annotationIndex(plan.annotations);
    // Sorted: the same policy, the same bytes.
    TreeMap<String, FunctionGroup> functions = new TreeMap<>(plan.functions);
    w.uint(functions.size());
    for (FunctionGroup g : functions.values()) {
      w.str(g.name);
      w.sint(g.arity);
      w.ruleDef(g.defaultDef);
      w.ruleDefs(g.defs);
    }
    w.node(plan.root);
    TreeMap<String, QueryPlan> sorted = new TreeMap<>(queries);
    w.uint(sorted.size());
    for (Map.Entry<String, QueryPlan> e : sorted.entrySet()) {
      w.str(e.getKey());
      w.query(e.getValue());
    }
    return w.out.toByteArray();
  }

  private void packages(List<PackageInfo> packages) throws IOException {
    uint(packages.size());
    for (PackageInfo p : packages) {
      str(p.path());
      strs(p.files().toArray(new String[0]));
      annotations(p.annotations());
      uint(p.rules().size());
      for (PackageInfo.RuleInfo r : p.rules()) {
        str(r.name());
        str(r.file());
        sint(r.line());
        annotations(r.annotations());
      }
      TreeMap<String, Integer> lines = new TreeMap<>(p.packageLines());
      uint(lines.size());
      for (Map.Entry<String, Integer> e : lines.entrySet()) {
        str(e.getKey());
        sint(e.getValue());
      }
    }
  }

  private void annotationIndex(AnnotationIndex index) throws IOException {
    for (Map<String, Annotations> m : List.of(index.documents, index.packages, index.subpackages)) {
      TreeMap<String, Annotations> sorted = new TreeMap<>(m);
      uint(sorted.size());
      for (Map.Entry<String, Annotations> e : sorted.entrySet()) {
        str(e.getKey());
        annotations(List.of(e.getValue()));
      }
    }
    TreeMap<String, String> files = new TreeMap<>(index.packageOfFile);
    uint(files.size());
    for (Map.Entry<String, String> e : files.entrySet()) {
      str(e.getKey());
      str(e.getValue());
    }
  }

  private void node(RuleNode n) throws IOException {
    str(n.path);
    ruleDefs(n.complete);
    ruleDefs(n.partialSet);
    ruleDefs(n.dynamic);
    ruleDef(n.defaultDef);
    str(n.function == null ? null : n.function.name);
    uint(n.children.size());
    for (Map.Entry<Value, RuleNode> e : n.children.entrySet()) {
      value(e.getKey());
      node(e.getValue());
    }
  }

  private void ruleDefs(List<RuleDef> defs) throws IOException {
    uint(defs.size());
    for (RuleDef d : defs) ruleDef(d);
  }

  private void ruleDef(RuleDef d) throws IOException {
    if (d == null) {
      uint(0);
      return;
    }
    uint(1);
    str(d.path());
    terms(d.key());
    term(d.value());
    terms(d.params());
    uint(d.setLeaf() ? 1 : 0);
    body(d.body());
    uint(d.slots());
    ruleDef(d.elseRule());
    annotations(d.annotations());
    str(d.file());
    sint(d.line());
    sint(d.column());
  }

  private void query(QueryPlan q) throws IOException {
    body(q.body());
    uint(q.slots());
    strs(q.resultNames());
    ints(q.resultSlots());
    term(q.singleTerm());
    uint(q.singleMustHold() ? 1 : 0);
    ints(q.captureSlots());
    strs(q.texts());
    ints(q.lines());
    ints(q.columns());
  }

  private void body(Body b) throws IOException {
    if (b == null) {
      uint(0);
      return;
    }
    uint(b.literals().length + 1);
    for (Literal l : b.literals()) literal(l);
  }

  private void literal(Literal l) throws IOException {
    expr(l.expr());
    uint(l.negated() ? 1 : 0);
    uint(l.withs().length);
    for (Literal.With w : l.withs()) {
      uint(w.kind().ordinal());
      terms(w.path());
      str(w.function());
      term(w.value());
      callee(w.replacement());
    }
    str(l.file());
    sint(l.line());
    sint(l.column());
  }

  private void expr(Expr e) throws IOException {
    if (e instanceof Expr.Truthy t) {
      uint(TRUTHY);
      term(t.term());
    } else if (e instanceof Expr.Unify u) {
      uint(UNIFY);
      term(u.left());
      term(u.right());
    } else if (e instanceof Expr.CallOut c) {
      uint(CALL_OUT);
      term(c.call());
      term(c.output());
    } else if (e instanceof Expr.SomeIn s) {
      uint(SOME_IN);
      term(s.key());
      term(s.value());
      term(s.collection());
    } else if (e instanceof Expr.Every ev) {
      uint(EVERY);
      term(ev.key());
      term(ev.value());
      term(ev.domain());
      body(ev.body());
    } else if (e instanceof Expr.Print p) {
      uint(PRINT);
      terms(p.args());
    } else if (e instanceof Expr.Exists x) {
      uint(EXISTS);
      uint(x.bodies().length);
      for (Body b : x.bodies()) body(b);
    } else if (e instanceof Expr.True) {
      uint(TRUE);
    } else {
      throw new IOException("no compact form for " + e);
    }
  }

  /** 0 null, else the length plus one, then the terms. */
  private void terms(Term[] ts) throws IOException {
    if (ts == null) {
      uint(0);
      return;
    }
    uint(ts.length + 1);
    for (Term t : ts) term(t);
  }

  private void term(Term t) throws IOException {
    if (t == null) {
      uint(NULL);
    } else if (t instanceof Term.Const c) {
      uint(CONST);
      value(c.value());
    } else if (t instanceof Term.Var v) {
      uint(VAR);
      str(v.name());
      uint(v.slot());
    } else if (t instanceof Term.ArrayLit a) {
      uint(ARRAY_LIT);
      terms(a.items());
    } else if (t instanceof Term.SetLit s) {
      uint(SET_LIT);
      terms(s.items());
    } else if (t instanceof Term.ObjectLit o) {
      uint(OBJECT_LIT);
      terms(o.keys());
      terms(o.values());
    } else if (t instanceof Term.Ref r) {
      uint(REF);
      term(r.head());
      terms(r.path());
    } else if (t instanceof Term.InputRef r) {
      uint(INPUT_REF);
      terms(r.path());
    } else if (t instanceof Term.DataRef r) {
      uint(DATA_REF);
      terms(r.path());
    } else if (t instanceof Term.Call c) {
      uint(CALL);
      callee(c.callee());
      terms(c.args());
    } else if (t instanceof Term.ArrayCompr c) {
      uint(ARRAY_COMPR);
      term(c.head());
      body(c.body());
      uint(c.scope().closed ? 1 : 0);
    } else if (t instanceof Term.SetCompr c) {
      uint(SET_COMPR);
      term(c.head());
      body(c.body());
      uint(c.scope().closed ? 1 : 0);
    } else if (t instanceof Term.ObjectCompr c) {
      uint(OBJECT_COMPR);
      term(c.key());
      term(c.value());
      body(c.body());
      uint(c.scope().closed ? 1 : 0);
    } else {
      throw new IOException("no compact form for " + t);
    }
  }

  private void callee(Callee c) throws IOException {
    if (c == null) {
      uint(NULL);
    } else if (c instanceof Callee.FunctionCallee f) {
      if (plan.functions.get(f.name()) != f.group()) throw new IOException("a call of a function the plan does not hold");
      uint(FUNCTION);
      str(f.name());
    } else {
      Callee.BuiltinCallee b = (Callee.BuiltinCallee) c;
      BuiltinDecl d = b.decl();
      if (d.equals(plan.builtins.lookup(b.name()).orElse(null))) {
        uint(BUILTIN);
        str(b.name());
      } else if (d.equals(Lowering.undefinedBuiltin(b.name(), d.arity()))) {
        uint(UNKNOWN_BUILTIN);
        str(b.name());
        uint(d.arity());
      } else {
        throw new IOException("no compact form for a call of " + b.name());
      }
    }
  }

  private void strs(String[] ss) {
    uint(ss.length);
    for (String s : ss) str(s);
  }

  private void ints(int[] is) {
    uint(is.length);
    for (int i : is) sint(i);
  }
}
