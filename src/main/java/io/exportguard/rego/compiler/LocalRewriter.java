package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.SetCompr;
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
 * Stage 3: wildcards become {@code $N}; variables declared ({@code :=}, {@code some}, every's key
 * and value) inside a comprehension or every body become {@code name$N}, so they cannot clash
 * with outer variables; declaring a name twice in one scope, or after using it there, is an error.
 */
final class LocalRewriter extends Transformer {
  private final Errors errors;
  private final Deque<Scope> scopes = new ArrayDeque<>();
  private int counter;
  private boolean v1Checks = true;
  private boolean strict;

  private static final class Scope {
    final boolean nested;
    final Map<String, String> renames = new HashMap<>();
    final Set<String> declared = new HashSet<>();
    final Set<String> seen = new HashSet<>();
    /** Names used in a closure nested in this scope: declaring one of them here must not capture it. */
    final Set<String> seenNested = new HashSet<>();
    /** Vars declared by {@code some x} and not used since: an error when the scope ends. */
    final Map<String, Var> someUnused = new java.util.LinkedHashMap<>();
    /** Vars assigned with {@code :=} and not used since (strict mode reports them). */
    final Map<String, Var> assignedUnused = new java.util.LinkedHashMap<>();

    Scope(boolean nested) { this.nested = nested; }
  }

  LocalRewriter(Errors errors) {
    this.errors = errors;
  }

  /** Whether v1's checks apply to the rules rewritten next (variables named input or data are errors). */
  void v1Checks(boolean on) { this.v1Checks = on; }

  /** OPA's strict mode: an assigned variable never used is an error. */
  void strict(boolean on) { this.strict = on; }

  Rule rewriteRule(Rule r) {
    scopes.push(new Scope(false));
    try {
      List<Term> args = terms(r.args());
      for (Term a : r.args()) {
        Set<String> vs = new HashSet<>();
        Vars.term(a, vs);
        scopes.peek().declared.addAll(vs);
        if (a instanceof Var v) checkNotRoot(v);
      }
      Body b = body(r.body());
      Term key = r.key() == null ? null : term(r.key());
      Term value = r.value() == null ? null : term(r.value());
      Rule out = r.withParts(args, key, value, b).withHead(headRef(r.head()));
      if (r.elseRule() != null) out = out.withElse(null);
      closeScope();
      scopes.push(new Scope(false));
      if (r.elseRule() != null) out = out.withElse(rewriteRule(r.elseRule()));
      return out;
    } finally {
      scopes.pop();
    }
  }

  /** Ends the innermost scope: {@code some} declarations never used are errors, as in OPA. */
  private void closeScope() {
    Scope s = scopes.pop();
    for (Var v : s.someUnused.values()) errors.add(Errors.COMPILE, "declared var " + v.name() + " unused", v.loc());
    if (strict) {
      for (Var v : s.assignedUnused.values()) errors.add(Errors.COMPILE, "assigned var " + v.name() + " unused", v.loc());
    }
  }

  private void checkNotRoot(Var v) {
    if (v1Checks && (v.name().equals("input") || v.name().equals("data"))) {
      errors.add(Errors.COMPILE, "variables must not shadow " + v.name() + " (use a different variable name)", v.loc());
    }
  }

  /** The head ref's vars share the rule body's scope (and its renames); wildcards there are fresh. */
  @Override
  io.exportguard.rego.ast.Ref headRef(io.exportguard.rego.ast.Ref head) {
    List<Term> ts = new ArrayList<>(head.terms());
    for (int i = 1; i < ts.size(); i++) ts.set(i, term(ts.get(i)));
    return new io.exportguard.rego.ast.Ref(ts, head.loc());
  }

  /**
   * Rewrites a query. Its top-level variables are the results, so they keep their names: when a
   * declaration had to be renamed (a closure used the name before it), the names are swapped
   * back, the closure's variable taking the fresh name instead.
   */
  Body rewriteQuery(Body q) {
    Scope root = new Scope(false);
    scopes.push(root);
    Body out;
    try {
      out = body(q);
    } finally {
      closeScope();
    }
    Map<String, String> swap = new HashMap<>();
    for (Map.Entry<String, String> e : root.renames.entrySet()) {
      if (e.getKey().equals(e.getValue())) continue;
      swap.put(e.getValue(), e.getKey());
      swap.put(e.getKey(), e.getKey() + "$" + counter++);
    }
    if (swap.isEmpty()) return out;
    return new Transformer() {
      @Override
      Term var(Var v) {
        String n = swap.get(v.name());
        return n == null ? v : new Var(n, v.loc());
      }
    }.body(out);
  }

  @Override
  Term var(Var v) {
    if (v.name().equals(Var.WILDCARD)) return new Var("$" + counter++, v.loc());
    for (Scope s : scopes) {
      String n = s.renames.get(v.name());
      if (n != null) {
        s.someUnused.remove(v.name());
        s.assignedUnused.remove(v.name());
        // A use of a declared variable is not a "use before declaration" in an inner scope: as in
        // OPA, [x | y == x; x := 1] may declare its own x after using the outer one.
        return n.equals(v.name()) ? v : new Var(n, v.loc());
      }
    }
    markSeen(v.name());
    return v;
  }

  private void markSeen(String name) {
    Scope s = scopes.peek();
    if (s == null) return;
    s.seen.add(name);
    boolean first = true;
    for (Scope outer : scopes) {
      if (!first) outer.seenNested.add(name);
      first = false;
    }
  }

  /** Declares a pattern's binding vars in the current scope and returns it renamed. */
  private Term declarePattern(Term t) {
    if (t instanceof Var v) return declare(v);
    if (t instanceof ArrayTerm a) {
      List<Term> out = new ArrayList<>();
      for (Term x : a.items()) out.add(declarePattern(x));
      return new ArrayTerm(out, a.loc());
    }
    if (t instanceof ObjectTerm o) {
      List<ObjectTerm.Entry> out = new ArrayList<>();
      for (ObjectTerm.Entry e : o.entries()) out.add(new ObjectTerm.Entry(term(e.key()), declarePattern(e.value())));
      return new ObjectTerm(out, o.loc());
    }
    return term(t);
  }

  private Term declare(Var v) {
    if (v.name().equals(Var.WILDCARD)) return new Var("$" + counter++, v.loc());
    checkNotRoot(v);
    Scope s = scopes.peek();
    if (s.declared.contains(v.name())) {
      errors.add(Errors.COMPILE, "var " + v.name() + " assigned above", v.loc());
      return v;
    }
    if (s.seen.contains(v.name())) {
      errors.add(Errors.COMPILE, "var " + v.name() + " referenced above", v.loc());
      return v;
    }
    s.declared.add(v.name());
    // As in OPA, a declaration starts a new variable: a closure that used the name earlier keeps its own.
    String n = s.nested || s.seenNested.contains(v.name()) ? v.name() + "$" + counter++ : v.name();
    s.renames.put(v.name(), n);
    return n.equals(v.name()) ? v : new Var(n, v.loc());
  }

  @Override
  Expr expr(Expr e) {
    if (e instanceof TermExpr t && t.term() instanceof Call c && "assign".equals(c.name()) && c.args().size() == 2) {
      Term rhs = term(c.args().get(1));
      Term lhs = declarePattern(c.args().get(0));
      Set<String> assigned = new HashSet<>();
      RefResolver.patternVars(c.args().get(0), assigned);
      for (String name : assigned) {
        if (!name.equals(Var.WILDCARD)) scopes.peek().assignedUnused.putIfAbsent(name, find(c.args().get(0), name));
      }
      Call nc = new Call(c.operator(), List.of(lhs, rhs), c.loc());
      return new TermExpr(nc, t.negated(), withs(t.with()), t.loc());
    }
    return super.expr(e);
  }

  private static Var find(Term pattern, String name) {
    if (pattern instanceof Var v) return v;
    Var[] hit = {null};
    new Transformer() {
      @Override
      Term var(Var v) {
        if (hit[0] == null && v.name().equals(name)) hit[0] = v;
        return v;
      }
    }.term(pattern);
    return hit[0] != null ? hit[0] : new Var(name, pattern.loc());
  }

  @Override
  Expr someDecl(SomeDecl s) {
    List<Var> vs = new ArrayList<>();
    for (Var v : s.vars()) {
      Var d = (Var) declare(v);
      vs.add(d);
      if (!v.isWildcard()) scopes.peek().someUnused.putIfAbsent(v.name(), v);
    }
    return new SomeDecl(vs, s.loc());
  }

  @Override
  Expr someIn(SomeIn s) {
    Term coll = term(s.collection());
    Term key = s.key() == null ? null : declarePattern(s.key());
    Term value = declarePattern(s.value());
    return new SomeIn(key, value, coll, withs(s.with()), s.loc());
  }

  @Override
  Expr every(Every ev) {
    Term domain = term(ev.domain());
    scopes.push(new Scope(true));
    try {
      Term key = ev.key() == null ? null : declarePattern(ev.key());
      Term value = declarePattern(ev.value());
      Body b = body(ev.body());
      return new Every(key, value, domain, b, withs(ev.with()), ev.loc());
    } finally {
      closeScope();
    }
  }

  /** An and/or/not operand: a scope of its own, like a comprehension body. */
  @Override
  Body nestedBody(Body b) {
    scopes.push(new Scope(true));
    try {
      return body(b);
    } finally {
      closeScope();
    }
  }

  @Override
  Term arrayCompr(ArrayCompr c) {
    scopes.push(new Scope(true));
    try {
      Body b = body(c.body());
      return new ArrayCompr(term(c.head()), b, c.loc());
    } finally {
      closeScope();
    }
  }

  @Override
  Term setCompr(SetCompr c) {
    scopes.push(new Scope(true));
    try {
      Body b = body(c.body());
      return new SetCompr(term(c.head()), b, c.loc());
    } finally {
      closeScope();
    }
  }

  @Override
  Term objectCompr(ObjectCompr c) {
    scopes.push(new Scope(true));
    try {
      Body b = body(c.body());
      return new ObjectCompr(term(c.key()), term(c.value()), b, c.loc());
    } finally {
      closeScope();
    }
  }
}
