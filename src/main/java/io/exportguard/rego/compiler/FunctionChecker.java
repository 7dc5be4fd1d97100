package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.builtins.BuiltinType;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 4: every call names a known function (a user function in the rule tree, a builtin or an
 * operator) with a fitting number of arguments; deprecated builtins are rejected; builtin arguments
 * written as constants must fit the builtin's declared type (OPA's type check, without inference).
 */
final class FunctionChecker extends Transformer {
  /** Operators and internal functions always known, with their arity; -1 is variadic. */
  static final Map<String, Integer> OPERATORS = Map.ofEntries(
      Map.entry("eq", 2), Map.entry("assign", 2), Map.entry("equal", 2), Map.entry("neq", 2),
      Map.entry("lt", 2), Map.entry("lte", 2), Map.entry("gt", 2), Map.entry("gte", 2),
      Map.entry("plus", 2), Map.entry("minus", 2), Map.entry("mul", 2), Map.entry("div", 2),
      Map.entry("rem", 2), Map.entry("and", 2), Map.entry("or", 2),
      Map.entry("internal.member_2", 2), Map.entry("internal.member_3", 3), Map.entry("print", -1),
      Map.entry("internal.print", 1), Map.entry(TemplateLowering.BUILTIN, 1));

  private final Map<String, Integer> userFunctions;
  private final BuiltinRegistry builtins;
  private final Errors errors;
  private final Errors typeErrors;
  private boolean allowDeprecated;

  FunctionChecker(Map<String, Integer> userFunctions, BuiltinRegistry builtins, Errors errors) {
    this(userFunctions, builtins, errors, errors);
  }

  /** Argument type errors go to {@code typeErrors}: OPA type-checks after safety and recursion. */
  FunctionChecker(Map<String, Integer> userFunctions, BuiltinRegistry builtins, Errors errors, Errors typeErrors) {
    this.userFunctions = userFunctions;
    this.builtins = builtins;
    this.errors = errors;
    this.typeErrors = typeErrors;
  }

  /** Deprecated builtins are allowed (in v0 modules) from now on, or not. */
  void allowDeprecated(boolean allow) { this.allowDeprecated = allow; }

  /** Absolute dotted name → arity of every user function in the tree. */
  static Map<String, Integer> userFunctions(RuleTree root) {
    Map<String, Integer> out = new HashMap<>();
    collect(root, out);
    return out;
  }

  private static void collect(RuleTree n, Map<String, Integer> out) {
    for (Rule r : n.rules()) {
      if (r.kind() == RuleKind.FUNCTION && r.head().dottedName() != null) out.putIfAbsent(r.head().dottedName(), r.args().size());
    }
    for (RuleTree c : n.children().values()) collect(c, out);
  }

  /** The arity of a function by name, or null when unknown; -1 when variadic. */
  Integer arity(String name) {
    if (name == null) return null;
    Integer a = userFunctions.get(name);
    if (a != null) return a;
    Optional<BuiltinDecl> d = builtins.lookup(name);
    if (d.isPresent()) return d.get().arity();
    return OPERATORS.get(name);
  }

  void checkRule(Rule r) {
    for (Rule x = r; x != null; x = x.elseRule()) {
      terms(x.args());
      if (x.key() != null) term(x.key());
      if (x.value() != null) term(x.value());
      body(x.body());
    }
  }

  void checkBody(Body b) { body(b); }

  @Override
  Expr expr(Expr e) {
    if (e instanceof TermExpr t && t.term() instanceof Call c) {
      check(c, true);
      terms(c.args());
      withs(t.with());
      return e;
    }
    return super.expr(e);
  }

  @Override
  Term call(Call c) {
    check(c, false);
    return super.call(c);
  }

  /** A with target is input, data or a function (builtin or user function). */
  @Override
  Ref withTarget(Ref target) {
    String head = target.headName();
    boolean ok = "input".equals(head) || "data".equals(head) || arity(target.dottedName()) != null;
    if (!ok) {
      errors.add(Errors.TYPE, "with keyword target must reference existing input, data, or a function", target.loc());
    }
    return target;
  }

  private void check(Call c, boolean statement) {
    String name = c.name();
    Integer arity = arity(name);
    String shown = name == null ? "call" : name;
    if (arity == null) {
      errors.add(Errors.TYPE, "undefined function " + shown, c.loc());
      return;
    }
    if (name != null && !name.startsWith("data.")) {
      Optional<BuiltinDecl> d = builtins.lookup(name);
      if (d.isPresent() && d.get().deprecated() && !allowDeprecated) {
        errors.add(Errors.TYPE, "deprecated built-in function calls in expression: " + name, c.loc());
      }
    }
    if (arity < 0) return;
    int n = c.args().size();
    boolean fits = n == arity || (statement && n == arity + 1 && !name.equals("eq") && !name.equals("assign"));
    if (!fits) {
      Optional<BuiltinDecl> d = name.startsWith("data.") ? Optional.empty() : builtins.lookup(name);
      String want = d.isPresent() && d.get().type() != null ? d.get().type().argsString() : "(" + anys(arity) + ")";
      StringBuilder have = new StringBuilder("(");
      for (int i = 0; i < n; i++) have.append(i > 0 ? ", " : "").append(typeOf(c.args().get(i)));
      have.append(')');
      errors.add(Errors.TYPE, shown + ": arity mismatch\n\thave: " + have + "\n\twant: " + want, c.loc());
      return;
    }
    if (!name.startsWith("data.")) checkConstantArguments(c, arity, builtins.lookup(name));
  }

  /**
   * OPA's type check, limited to arguments written as constants ({@code count(1)}): no inference,
   * every other argument counts as {@code any}, which every parameter accepts.
   */
  private void checkConstantArguments(Call c, int arity, Optional<BuiltinDecl> decl) {
    if (decl.isEmpty() || decl.get().type() == null) return;
    List<BuiltinType> have = new ArrayList<>();
    boolean anyConstant = false;
    for (int i = 0; i < Math.min(arity, c.args().size()); i++) {
      Value v = constant(c.args().get(i));
      anyConstant |= v != null;
      have.add(v == null ? BuiltinType.ANY : BuiltinType.of(v));
    }
    if (anyConstant && decl.get().firstMismatch(have) >= 0) {
      typeErrors.add(Errors.TYPE, decl.get().invalidArgumentsMessage(have), c.loc());
    }
  }

  /** The value of a term written entirely of literals, else null. */
  private static Value constant(Term t) {
    if (t instanceof Scalar s) return s.value();
    if (t instanceof ArrayTerm a) {
      List<Value> items = new ArrayList<>();
      for (Term e : a.items()) {
        Value v = constant(e);
        if (v == null) return null;
        items.add(v);
      }
      return ArrayValue.of(items);
    }
    if (t instanceof SetTerm st) {
      List<Value> items = new ArrayList<>();
      for (Term e : st.items()) {
        Value v = constant(e);
        if (v == null) return null;
        items.add(v);
      }
      return SetValue.of(items);
    }
    if (t instanceof ObjectTerm o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (ObjectTerm.Entry e : o.entries()) {
        Value k = constant(e.key());
        Value v = constant(e.value());
        if (k == null || v == null) return null;
        b.put(k, v);
      }
      return b.build();
    }
    return null;
  }

  /** The type of an argument as far as it is evident without type inference. */
  private static String typeOf(Term t) {
    if (t instanceof io.exportguard.rego.ast.Scalar s) return s.value().typeName();
    if (t instanceof io.exportguard.rego.ast.ArrayTerm || t instanceof io.exportguard.rego.ast.ArrayCompr) return "array[any]";
    if (t instanceof io.exportguard.rego.ast.SetTerm || t instanceof io.exportguard.rego.ast.SetCompr) return "set[any]";
    if (t instanceof io.exportguard.rego.ast.ObjectTerm || t instanceof io.exportguard.rego.ast.ObjectCompr) {
      return "object[any: any]";
    }
    return "any";
  }

  private static String anys(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "any"));
  }
}
