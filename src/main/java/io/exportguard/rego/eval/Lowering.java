package io.exportguard.rego.eval;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.LogicalExpr;
import io.exportguard.rego.ast.NotBody;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lowers compiled AST bodies and terms of one rule (or query) to plan terms: variables become
 * frame slots, {@code data}/{@code input} refs become document refs, calls are resolved to their
 * builtin or function, and terms without variables are folded to constants.
 */
final class Lowering {
  private final BuiltinRegistry builtins;
  private final Map<String, FunctionGroup> functions;
  private final Map<String, Integer> slots = new HashMap<>();
  private final List<Term> comprehensions = new ArrayList<>();

  Lowering(BuiltinRegistry builtins, Map<String, FunctionGroup> functions) {
    this.builtins = builtins;
    this.functions = functions;
  }

  int slotCount() { return slots.size(); }

  private Term remember(Term comprehension) {
    comprehensions.add(comprehension);
    return comprehension;
  }

  /**
   * Marks the comprehensions lowered so far that use no variable occurring elsewhere in the rule
   * or query made of these terms and bodies (call once it is fully lowered).
   */
  void closeComprehensions(List<Term> terms, List<Body> bodies) {
    Map<Integer, Integer> total = new HashMap<>();
    for (Term t : terms) SlotCounter.count(t, total);
    for (Body b : bodies) SlotCounter.count(b, total);
    for (Term c : comprehensions) {
      Map<Integer, Integer> inside = new HashMap<>();
      SlotCounter.count(c, inside);
      boolean closed = true;
      for (Map.Entry<Integer, Integer> e : inside.entrySet()) {
        if (!e.getValue().equals(total.get(e.getKey()))) {
          closed = false;
          break;
        }
      }
      SlotCounter.scope(c).closed = closed;
    }
  }

  /** The slot of a named variable, if the lowered code uses it. */
  Integer slotOf(String name) { return slots.get(name); }

  /** Every named variable and its slot. */
  Map<String, Integer> slots() { return java.util.Collections.unmodifiableMap(slots); }

  Term.Var var(String name) {
    if (name.equals(Var.WILDCARD)) {
      // A written "_" that survived compiling is a fresh variable of its own.
      int slot = slots.size();
      slots.put("_#" + slot, slot);
      return new Term.Var(name, slot);
    }
    return new Term.Var(name, slots.computeIfAbsent(name, n -> slots.size()));
  }

  Body body(io.exportguard.rego.ast.Body b) {
    List<Literal> out = new ArrayList<>(b.size());
    for (io.exportguard.rego.ast.Expr e : b.exprs()) out.add(literal(e));
    return new Body(out.toArray(new Literal[0]));
  }

  private Literal literal(io.exportguard.rego.ast.Expr e) {
    Location loc = e.loc();
    Literal.With[] withs = new Literal.With[e.with().size()];
    for (int i = 0; i < withs.length; i++) withs[i] = with(e.with().get(i));
    return new Literal(expr(e), e.negated(), withs, loc.file(), loc.line(), loc.column());
  }

  private Expr expr(io.exportguard.rego.ast.Expr e) {
    if (e instanceof SomeDecl) return new Expr.True();
    if (e instanceof SomeIn s) {
      return new Expr.SomeIn(s.key() == null ? null : term(s.key()), term(s.value()), term(s.collection()));
    }
    if (e instanceof Every ev) {
      return new Expr.Every(ev.key() == null ? null : term(ev.key()), term(ev.value()), term(ev.domain()), body(ev.body()));
    }
    if (e instanceof LogicalExpr l) return logical(l);
    if (e instanceof NotBody n) return new Expr.Exists(new Body[] {body(n.body())}); // the literal is negated
    io.exportguard.rego.ast.Term t = ((TermExpr) e).term();
    if (t instanceof Call c) {
      String name = c.name();
      if (("eq".equals(name) || "assign".equals(name)) && c.args().size() == 2) {
        return new Expr.Unify(term(c.args().get(0)), term(c.args().get(1)));
      }
      if ("print".equals(name)) return new Expr.Print(terms(c.args()));
      Callee callee = callee(c);
      int arity = arity(callee);
      if (arity >= 0 && c.args().size() == arity + 1) {
        Term[] args = terms(c.args().subList(0, arity));
        return new Expr.CallOut(new Term.Call(callee, args), term(c.args().get(arity)));
      }
      return new Expr.Truthy(new Term.Call(callee, terms(c.args())));
    }
    return new Expr.Truthy(term(t));
  }

  /** {@code a or b}: either body; {@code a and b}: one body testing each operand in its own scope. */
  private Expr logical(LogicalExpr l) {
    Body lhs = body(l.lhs());
    Body rhs = body(l.rhs());
    if (l.op() == LogicalExpr.Op.OR) return new Expr.Exists(new Body[] {lhs, rhs});
    Literal left = new Literal(new Expr.Exists(new Body[] {lhs}), false, new Literal.With[0], l.loc().file(),
        l.loc().line(), l.loc().column());
    Literal right = new Literal(new Expr.Exists(new Body[] {rhs}), false, new Literal.With[0], l.loc().file(),
        l.loc().line(), l.loc().column());
    return new Expr.Exists(new Body[] {new Body(new Literal[] {left, right})});
  }

  private Literal.With with(With w) {
    Ref target = w.target();
    String head = target.headName();
    String dotted = target.dottedName();
    Callee replacement = functionRef(w.value());
    Term value = replacement == null ? term(w.value()) : null;
    if ("input".equals(head)) {
      return new Literal.With(Literal.With.Kind.INPUT, terms(target.terms().subList(1, target.size())), null, value, replacement);
    }
    if (dotted != null && (functions.containsKey(dotted) || (!"data".equals(head) && builtins.lookup(dotted).isPresent()))) {
      return new Literal.With(Literal.With.Kind.FUNCTION, null, dotted, value, replacement);
    }
    return new Literal.With(Literal.With.Kind.DATA, terms(target.terms().subList(1, target.size())), null, value, replacement);
  }

  /** The function a with-value names ({@code data.pkg.g}, {@code count}), or null for an ordinary value. */
  private Callee functionRef(io.exportguard.rego.ast.Term t) {
    String name = t instanceof Ref r ? r.dottedName() : t instanceof Var v ? v.name() : null;
    if (name == null) return null;
    FunctionGroup g = functions.get(name);
    if (g != null) return new Callee.FunctionCallee(name, g);
    if (name.startsWith("data.") || name.equals("data") || name.equals("input") || name.startsWith("input.")) return null;
    if (t instanceof Var v && slots.containsKey(v.name())) return null;
    return builtins.lookup(name).map(d -> (Callee) new Callee.BuiltinCallee(name, d)).orElse(null);
  }

  private Callee callee(Call c) {
    String name = c.name();
    if (name == null) throw new IllegalStateException("call of an unusual operator at " + c.loc());
    FunctionGroup g = functions.get(name);
    if (g != null) return new Callee.FunctionCallee(name, g);
    BuiltinDecl d = builtins.lookup(name).orElse(null);
    if (d == null) {
      // The compiler rejects unknown functions; a function with no definitions left is undefined.
      d = undefinedBuiltin(name, c.args().size());
    }
    return new Callee.BuiltinCallee(name, d);
  }

  /** What a call of a name no builtin or function has resolves to. */
  static BuiltinDecl undefinedBuiltin(String name, int arity) {
    return new BuiltinDecl(name, arity, false, false, false, null);
  }

  private static int arity(Callee c) {
    if (c instanceof Callee.FunctionCallee f) return f.group().arity;
    return ((Callee.BuiltinCallee) c).decl().arity();
  }

  Term[] terms(List<io.exportguard.rego.ast.Term> ts) {
    Term[] out = new Term[ts.size()];
    for (int i = 0; i < out.length; i++) out[i] = term(ts.get(i));
    return out;
  }

  Term term(io.exportguard.rego.ast.Term t) {
    if (t instanceof Scalar s) return new Term.Const(s.value());
    if (t instanceof Var v) {
      if (v.name().equals("data")) return new Term.DataRef(new Term[0]);
      if (v.name().equals("input")) return new Term.InputRef(new Term[0]);
      return var(v.name());
    }
    if (t instanceof Ref r) {
      Term[] rest = terms(r.terms().subList(1, r.size()));
      String head = r.headName();
      if ("data".equals(head)) return new Term.DataRef(rest);
      if ("input".equals(head)) return new Term.InputRef(rest);
      Term h = term(r.head());
      if (h instanceof Term.Const c) {
        Value v = c.value();
        boolean constant = true;
        for (Term seg : rest) {
          if (!(seg instanceof Term.Const sc) || v == null) {
            constant = false;
            break;
          }
          v = Evaluator.select(v, sc.value());
        }
        if (constant && v != null) return new Term.Const(v);
      }
      return new Term.Ref(h, rest);
    }
    if (t instanceof ArrayTerm a) {
      Term[] items = terms(a.items());
      Value[] vals = Term.constants(items);
      return vals != null ? new Term.Const(ArrayValue.wrap(vals)) : new Term.ArrayLit(items);
    }
    if (t instanceof SetTerm s) {
      Term[] items = terms(s.items());
      Value[] vals = Term.constants(items);
      return vals != null ? new Term.Const(SetValue.of(vals)) : new Term.SetLit(items);
    }
    if (t instanceof ObjectTerm o) {
      Term[] keys = new Term[o.entries().size()];
      Term[] vals = new Term[keys.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = term(o.entries().get(i).key());
        vals[i] = term(o.entries().get(i).value());
      }
      Value[] kc = Term.constants(keys);
      Value[] vc = Term.constants(vals);
      if (kc != null && vc != null) {
        TreeMap<Value, Value> m = new TreeMap<>();
        for (int i = 0; i < kc.length; i++) m.put(kc[i], vc[i]);
        if (m.size() == kc.length) return new Term.Const(ObjectValue.wrap(m));
      }
      return new Term.ObjectLit(keys, vals);
    }
    if (t instanceof ArrayCompr a) return remember(new Term.ArrayCompr(term(a.head()), body(a.body()), new Term.Scope()));
    if (t instanceof SetCompr s) return remember(new Term.SetCompr(term(s.head()), body(s.body()), new Term.Scope()));
    if (t instanceof ObjectCompr o) {
      return remember(new Term.ObjectCompr(term(o.key()), term(o.value()), body(o.body()), new Term.Scope()));
    }
    Call c = (Call) t;
    return new Term.Call(callee(c), terms(c.args()));
  }
}
