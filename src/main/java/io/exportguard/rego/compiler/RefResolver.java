package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Import;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 1: makes references absolute. Names of rules in the module's package (across all its
 * modules) and imported names become {@code data...}/{@code input...} refs unless a local variable
 * of the same name is in scope; bare {@code data}/{@code input} become refs; rule heads get the
 * package prefix.
 */
final class RefResolver extends Transformer {
  private final Map<String, Ref> globals;
  private final Ref pkgPath;
  private final Deque<Set<String>> scopes = new ArrayDeque<>();
  /** Names bound by imports, and those a rule used (strict mode reports the others). */
  private final Set<String> importedNames = new HashSet<>();
  private final Set<String> usedImports = new HashSet<>();

  private RefResolver(Map<String, Ref> globals, Ref pkgPath) {
    this.globals = globals;
    this.pkgPath = pkgPath;
  }

  /** Resolves every module; v1's checks apply to v1 modules (to all in strict mode, which also reports unused imports). */
  static List<Module> resolve(List<Module> modules, Errors errors, boolean strict) {
    Map<String, Set<String>> names = new HashMap<>();
    for (Module m : modules) {
      Set<String> s = names.computeIfAbsent(m.pkg().dotted(), k -> new HashSet<>());
      for (Rule r : m.rules()) {
        s.add(r.name());
        if ((strict || m.regoVersion().v1Rules()) && (r.name().equals("data") || r.name().equals("input"))) {
          errors.add(Errors.COMPILE, "rules must not shadow " + r.name() + " (use a different rule name)", r.loc());
        }
      }
    }
    List<Module> out = new ArrayList<>(modules.size());
    for (Module m : modules) {
      Map<String, Ref> globals = new HashMap<>();
      for (String n : names.get(m.pkg().dotted())) {
        globals.put(n, m.pkg().path().append(List.of(Scalar.string(n, m.pkg().loc()))));
      }
      Map<String, Import> imported = new HashMap<>();
      for (Import i : m.imports()) {
        if (i.isSyntaxOnly()) continue;
        String bound = i.boundName();
        if (bound == null) continue;
        Import earlier = imported.putIfAbsent(bound, i);
        if (earlier != null && (strict || m.regoVersion().v1Rules())) {
          errors.add(Errors.COMPILE, "import must not shadow import " + importText(earlier), i.loc());
          continue;
        }
        globals.put(bound, i.path());
      }
      RefResolver r = new RefResolver(globals, m.pkg().path());
      r.importedNames.addAll(imported.keySet());
      List<Rule> rules = new ArrayList<>(m.rules().size());
      for (Rule rule : m.rules()) rules.add(r.resolveRule(rule));
      out.add(m.withRules(rules));
      if (strict) {
        for (Import i : m.imports()) {
          if (!i.isSyntaxOnly() && i.boundName() != null && !r.usedImports.contains(i.boundName())) {
            errors.add(Errors.COMPILE, "import " + importText(i) + " unused", i.loc());
          }
        }
      }
    }
    return out;
  }

  private static String importText(Import i) {
    String d = i.path().dottedName();
    return d == null ? "import" : d;
  }

  private Rule resolveRule(Rule rule) {
    Set<String> locals = new HashSet<>();
    for (Term a : rule.args()) Vars.term(a, locals);
    locals.addAll(declared(rule.body()));
    scopes.push(locals);
    try {
      Rule out = rule(rule);
      return out;
    } finally {
      scopes.pop();
    }
  }

  @Override
  Rule rule(Rule r) {
    // Each else link has its own body scope, sharing the function's args.
    if (scopes.size() > 1 || r.elseRule() == null) return super.rule(r);
    Rule out = super.rule(r.withElse(null));
    Rule e = r.elseRule();
    Set<String> locals = new HashSet<>();
    for (Term a : e.args()) Vars.term(a, locals);
    locals.addAll(declared(e.body()));
    scopes.push(locals);
    try {
      return out.withElse(rule(e));
    } finally {
      scopes.pop();
    }
  }

  @Override
  Ref headRef(Ref head) {
    List<Term> ts = new ArrayList<>(pkgPath.terms());
    Var name = (Var) head.head();
    ts.add(Scalar.string(name.name(), name.loc()));
    for (int i = 1; i < head.size(); i++) ts.add(term(head.get(i)));
    return new Ref(ts, head.loc());
  }

  /** Variables a body declares in its own scope: {@code :=} targets, {@code some} names and {@code some ... in} patterns. */
  static Set<String> declared(Body b) {
    Set<String> out = new HashSet<>();
    for (Expr e : b.exprs()) {
      if (e instanceof TermExpr t && t.term() instanceof Call c && "assign".equals(c.name()) && c.args().size() == 2) {
        patternVars(c.args().get(0), out);
      } else if (e instanceof SomeDecl s) {
        for (Var v : s.vars()) out.add(v.name());
      } else if (e instanceof SomeIn s) {
        if (s.key() != null) patternVars(s.key(), out);
        patternVars(s.value(), out);
      }
    }
    return out;
  }

  /** Vars in binding position of a pattern: the term itself, array elements, object values. */
  static void patternVars(Term t, Set<String> out) {
    if (t instanceof Var v) out.add(v.name());
    else if (t instanceof ArrayTerm a) for (Term x : a.items()) patternVars(x, out);
    else if (t instanceof ObjectTerm o) for (ObjectTerm.Entry e : o.entries()) patternVars(e.value(), out);
  }

  private boolean isLocal(String name) {
    Set<String> s = scopes.peek();
    return s != null && s.contains(name);
  }

  @Override
  Term var(Var v) {
    if (isLocal(v.name())) return v;
    Ref g = globals.get(v.name());
    if (g != null) {
      if (importedNames.contains(v.name())) usedImports.add(v.name());
      return relocate(g, v.loc());
    }
    if (v.name().equals("data") || v.name().equals("input")) return new Ref(List.of(v), v.loc());
    return v;
  }

  private static Ref relocate(Ref g, Location loc) { return new Ref(g.terms(), loc); }

  @Override
  Ref operator(Ref op) { return resolveRef(op); }

  @Override
  Ref withTarget(Ref target) { return resolveRef(target); }

  private Ref resolveRef(Ref r) {
    Term head = r.head();
    if (head instanceof Var v && !isLocal(v.name())) {
      Ref g = globals.get(v.name());
      if (g != null) {
        if (importedNames.contains(v.name())) usedImports.add(v.name());
        List<Term> ts = new ArrayList<>(g.terms());
        ts.addAll(r.terms().subList(1, r.size()));
        return new Ref(ts, r.loc());
      }
    }
    return r;
  }

  // A comprehension's head is in its body's scope: in [c | c := xs[_]], c is the local, not a rule c.

  @Override
  Term arrayCompr(ArrayCompr c) {
    openScope(c.body());
    try {
      return new ArrayCompr(term(c.head()), body(c.body()), c.loc());
    } finally {
      scopes.pop();
    }
  }

  @Override
  Term setCompr(SetCompr c) {
    openScope(c.body());
    try {
      return new SetCompr(term(c.head()), body(c.body()), c.loc());
    } finally {
      scopes.pop();
    }
  }

  @Override
  Term objectCompr(ObjectCompr c) {
    openScope(c.body());
    try {
      return new ObjectCompr(term(c.key()), term(c.value()), body(c.body()), c.loc());
    } finally {
      scopes.pop();
    }
  }

  /** An and/or/not operand: its own scope, seeing the enclosing one. */
  @Override
  Body nestedBody(Body b) {
    openScope(b);
    try {
      return body(b);
    } finally {
      scopes.pop();
    }
  }

  private void openScope(Body b) {
    Set<String> locals = new HashSet<>(scopes.isEmpty() ? Set.of() : scopes.peek());
    locals.addAll(declared(b));
    scopes.push(locals);
  }

  @Override
  Expr every(Every ev) {
    Term domain = term(ev.domain());
    Set<String> locals = new HashSet<>(scopes.isEmpty() ? Set.of() : scopes.peek());
    if (ev.key() != null) patternVars(ev.key(), locals);
    patternVars(ev.value(), locals);
    locals.addAll(declared(ev.body()));
    scopes.push(locals);
    try {
      Term key = ev.key() == null ? null : term(ev.key());
      return new Every(key, term(ev.value()), domain, body(ev.body()), withs(ev.with()), ev.loc());
    } finally {
      scopes.pop();
    }
  }

  /** Resolves a query's refs: no package, so only bare data/input. */
  static Body resolveQuery(Body q) {
    RefResolver r = new RefResolver(Map.of(), null);
    r.scopes.push(declared(q));
    return r.body(q);
  }
}
