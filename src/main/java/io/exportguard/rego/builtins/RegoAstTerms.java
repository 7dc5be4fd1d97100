package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.s;

import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Import;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Rego module as the term OPA's {@code rego.parse_module} returns: OPA's AST JSON without
 * locations ({@code {"package": {"path": [...]}, "imports": [...], "rules": [...]}}, terms as
 * {@code {"type": ..., "value": ...}}, expressions with their index).
 */
final class RegoAstTerms {
  private RegoAstTerms() {}

  static ObjectValue module(Module m) {
    ObjectValue.Builder o = ObjectValue.builder();
    o.put("package", ObjectValue.builder().put("path", refTerms(m.pkg().path())).build());
    if (!m.imports().isEmpty()) {
      List<Value> imports = new ArrayList<>();
      for (Import i : m.imports()) imports.add(importTerm(i));
      o.put("imports", ArrayValue.of(imports));
    }
    if (!m.rules().isEmpty()) {
      List<Value> rules = new ArrayList<>();
      for (Rule r : m.rules()) rules.add(rule(r));
      o.put("rules", ArrayValue.of(rules));
    }
    return o.build();
  }

  private static Value importTerm(Import i) {
    ObjectValue.Builder o = ObjectValue.builder().put("path", term(i.path()));
    if (i.alias() != null) o.put("alias", s(i.alias()));
    return o.build();
  }

  private static Value rule(Rule r) {
    // OPA gives a rule without a body the body `true`
    Value body = r.body().exprs().isEmpty()
        ? ArrayValue.of(ObjectValue.builder().put("index", NumberValue.ZERO).put("terms", typed("boolean", BooleanValue.TRUE)).build())
        : body(r.body());
    ObjectValue.Builder o = ObjectValue.builder().put("head", head(r)).put("body", body);
    if (r.isDefault()) o.put("default", BooleanValue.TRUE);
    if (r.elseRule() != null) o.put("else", rule(r.elseRule()));
    return o.build();
  }

  private static Value head(Rule r) {
    ObjectValue.Builder o = ObjectValue.builder().put("ref", refTerms(r.head()));
    List<Term> ref = r.head().terms();
    if (ref.size() == 1 && ref.get(0) instanceof Var v) o.put("name", s(v.name()));
    if (r.kind() == RuleKind.FUNCTION) o.put("args", terms(r.args()));
    if (r.kind() == RuleKind.PARTIAL_SET) {
      o.put("key", term(r.key()));
    } else if (r.value() != null) {
      o.put("value", term(r.value()));
    }
    if (r.assign()) o.put("assign", BooleanValue.TRUE);
    return o.build();
  }

  private static Value body(Body b) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < b.exprs().size(); i++) out.add(expr(b.exprs().get(i), i));
    return ArrayValue.of(out);
  }

  private static Value expr(Expr e, int index) {
    ObjectValue.Builder o = ObjectValue.builder().put("index", NumberValue.of(index));
    List<With> with = List.of();
    if (e instanceof TermExpr t) {
      o.put("terms", t.term() instanceof Call c ? callTerms(c) : term(t.term()));
      if (t.negated()) o.put("negated", BooleanValue.TRUE);
      with = t.with();
    } else if (e instanceof SomeDecl d) {
      o.put("terms", ObjectValue.builder().put("symbols", terms(new ArrayList<>(d.vars()))).build());
    } else if (e instanceof SomeIn in) {
      // OPA keeps `some k, v in xs` as a declaration of one membership call
      List<Term> args = new ArrayList<>();
      if (in.key() != null) args.add(in.key());
      args.add(in.value());
      args.add(in.collection());
      String op = in.key() != null ? "internal.member_3" : "internal.member_2";
      Value call = ObjectValue.builder().put("type", s("call"))
          .put("value", ArrayValue.of(prepend(operator(op), terms(args)))).build();
      o.put("terms", ObjectValue.builder().put("symbols", ArrayValue.of(call)).build());
      with = in.with();
    } else if (e instanceof Every ev) {
      ObjectValue.Builder every = ObjectValue.builder().put("value", term(ev.value())).put("domain", term(ev.domain()))
          .put("body", body(ev.body()));
      if (ev.key() != null) every.put("key", term(ev.key()));
      o.put("terms", every.build());
      with = ev.with();
    }
    if (!with.isEmpty()) {
      List<Value> ws = new ArrayList<>();
      for (With w : with) ws.add(ObjectValue.builder().put("target", term(w.target())).put("value", term(w.value())).build());
      o.put("with", ArrayValue.of(ws));
    }
    return o.build();
  }

  private static List<Value> prepend(Value first, ArrayValue rest) {
    List<Value> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest.items());
    return out;
  }

  private static Value operator(String dotted) {
    List<Value> parts = new ArrayList<>();
    String[] segs = dotted.split("\\.");
    parts.add(typed("var", s(segs[0])));
    for (int i = 1; i < segs.length; i++) parts.add(typed("string", s(segs[i])));
    return typed("ref", ArrayValue.of(parts));
  }

  private static Value callTerms(Call c) { return ArrayValue.of(prepend(term(c.operator()), terms(c.args()))); }

  private static ArrayValue terms(List<Term> ts) {
    List<Value> out = new ArrayList<>();
    for (Term t : ts) out.add(term(t));
    return ArrayValue.of(out);
  }

  private static ArrayValue refTerms(Ref r) { return terms(r.terms()); }

  private static Value typed(String type, Value value) {
    return ObjectValue.builder().put("type", s(type)).put("value", value).build();
  }

  static Value term(Term t) {
    if (t instanceof Scalar sc) {
      Value v = sc.value();
      String type = v instanceof StringValue ? "string" : v instanceof NumberValue ? "number"
          : v instanceof BooleanValue ? "boolean" : "null";
      return v instanceof NullValue ? ObjectValue.builder().put("type", s("null")).build() : typed(type, v);
    }
    if (t instanceof Var v) return typed("var", s(v.name()));
    if (t instanceof Ref r) return typed("ref", refTerms(r));
    if (t instanceof Call c) return typed("call", callTerms(c));
    if (t instanceof ArrayTerm a) return typed("array", terms(a.items()));
    if (t instanceof SetTerm st) return typed("set", terms(st.items()));
    if (t instanceof ObjectTerm ot) {
      List<Value> pairs = new ArrayList<>();
      for (ObjectTerm.Entry e : ot.entries()) pairs.add(ArrayValue.of(term(e.key()), term(e.value())));
      return typed("object", ArrayValue.of(pairs));
    }
    if (t instanceof ArrayCompr ac) {
      return typed("arraycomprehension", ObjectValue.builder().put("term", term(ac.head())).put("body", body(ac.body())).build());
    }
    if (t instanceof SetCompr sc2) {
      return typed("setcomprehension", ObjectValue.builder().put("term", term(sc2.head())).put("body", body(sc2.body())).build());
    }
    if (t instanceof ObjectCompr oc) {
      return typed("objectcomprehension", ObjectValue.builder().put("key", term(oc.key())).put("value", term(oc.value()))
          .put("body", body(oc.body())).build());
    }
    return typed("unknown", s(String.valueOf(t)));
  }
}
