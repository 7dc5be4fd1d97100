package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

/**
 * The builtins behind Rego's infix operators ({@code == != < <= > >= + - * / % & |} and {@code in}),
 * plus {@code print} and the {@code rego.metadata.*} pair, whose real work the evaluator does.
 */
public final class Operators {
  private Operators() {}

  public static void register(BuiltinRegistry r) {
    r.register("equal", 2, (c, a) -> BooleanValue.of(a.get(0).equals(a.get(1))));
    r.register("neq", 2, (c, a) -> BooleanValue.of(!a.get(0).equals(a.get(1))));
    r.register("lt", 2, (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) < 0));
    r.register("lte", 2, (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) <= 0));
    r.register("gt", 2, (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) > 0));
    r.register("gte", 2, (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) >= 0));
    // Arithmetic is exact, so operands beyond 10^±10000 are refused (Args.expandable) where the
    // exact answer would spell out their digits; mul only multiplies the digits written, so it may
    // take them (a scale overflow past 10^±2^31 becomes a builtin error through Args.named).
    r.register("plus", 2, Args.named("plus", (c, a) -> NumberValue.of(arith("plus", a, 0).add(arith("plus", a, 1)))));
    r.register("minus", 2, Args.named("minus", Operators::minus));
    r.register("mul", 2, Args.named("mul", Operators::mul));
    r.register("div", 2, Args.named("div", Operators::div));
    r.register("rem", 2, Args.named("rem", Operators::rem));
    r.register("and", 2, (c, a) -> {
      TreeSet<Value> out = new TreeSet<>(set("and", a, 0).items());
      out.retainAll(set("and", a, 1).items());
      return SetValue.wrap(out);
    });
    r.register("or", 2, (c, a) -> {
      TreeSet<Value> out = new TreeSet<>(set("or", a, 0).items());
      out.addAll(set("or", a, 1).items());
      return SetValue.wrap(out);
    });
    r.register("internal.member_2", 2, (c, a) -> BooleanValue.of(member(a.get(0), a.get(1))));
    r.register("internal.member_3", 3, (c, a) -> BooleanValue.of(member3(a.get(0), a.get(1), a.get(2))));
    r.register("print", -1, (c, a) -> {
      StringBuilder sb = new StringBuilder();
      for (Value v : a) {
        if (sb.length() > 0) sb.append(' ');
        sb.append(v instanceof StringValue s ? s.value() : v.toJson());
      }
      c.print(sb.toString());
      return BooleanValue.TRUE;
    });
    // The evaluator answers these itself: only it knows which rule is being evaluated.
    r.register("rego.metadata.rule", 0, (c, a) -> ObjectValue.EMPTY);
    r.register("rego.metadata.chain", 0, (c, a) -> ArrayValue.EMPTY);
  }

  private static Value minus(BuiltinContext c, List<Value> a) {
    Value x = a.get(0);
    Value y = a.get(1);
    if (x instanceof NumberValue && y instanceof NumberValue) return NumberValue.of(arith("minus", a, 0).subtract(arith("minus", a, 1)));
    if (x instanceof SetValue sx && y instanceof SetValue sy) {
      TreeSet<Value> out = new TreeSet<>(sx.items());
      out.removeAll(sy.items());
      return SetValue.wrap(out);
    }
    if (!(x instanceof NumberValue) && !(x instanceof SetValue)) {
      throw BuiltinException.type("minus: operand 1 must be one of {number, set} but got " + x.typeName());
    }
    String want = x instanceof NumberValue ? "number" : "set";
    throw BuiltinException.type("minus: operand 2 must be " + want + " but got " + y.typeName());
  }

  private static Value mul(BuiltinContext c, List<Value> a) {
    BigDecimal x = num("mul", a, 0);
    BigDecimal y = num("mul", a, 1);
    try {
      return NumberValue.of(x.multiply(y));
    } catch (ArithmeticException scaleOverflow) {
      throw BuiltinException.error("mul: number too large");
    }
  }

  private static Value div(BuiltinContext c, List<Value> a) {
    BigDecimal x = num("div", a, 0);
    BigDecimal y = num("div", a, 1);
    if (y.signum() == 0) throw BuiltinException.error("div: divide by zero");
    if (x.signum() == 0) return NumberValue.ZERO;
    Args.expandable(x);
    Args.expandable(y);
    try {
      return NumberValue.of(x.divide(y));
    } catch (ArithmeticException nonTerminating) {
      return NumberValue.of(Float64Division.divide(x, y));
    }
  }

  private static Value rem(BuiltinContext c, List<Value> a) {
    NumberValue x = (NumberValue) numValue("rem", a, 0);
    NumberValue y = (NumberValue) numValue("rem", a, 1);
    if (!x.isInteger() || !y.isInteger()) throw BuiltinException.error("rem: modulo on floating-point number");
    if (y.value().signum() == 0) throw BuiltinException.error("rem: modulo by zero");
    // |x| < |y|: the remainder is x itself, however large y is.
    if (x.value().abs().compareTo(y.value().abs()) < 0) return x;
    return NumberValue.of(Args.toBigInteger(x.value()).remainder(Args.toBigInteger(y.value())));
  }

  private static boolean member(Value x, Value coll) {
    if (coll instanceof SetValue s) return s.contains(x);
    if (coll instanceof ArrayValue arr) {
      for (int i = 0; i < arr.size(); i++) if (arr.get(i).equals(x)) return true;
      return false;
    }
    if (coll instanceof ObjectValue o) return o.entries().containsValue(x);
    return false;
  }

  private static boolean member3(Value key, Value val, Value coll) {
    if (coll instanceof ArrayValue arr) {
      if (!(key instanceof NumberValue n)) return false;
      Integer i = n.intValueOrNull();
      return i != null && i >= 0 && i < arr.size() && arr.get(i).equals(val);
    }
    if (coll instanceof ObjectValue o) return val.equals(o.get(key));
    if (coll instanceof SetValue s) return key.equals(val) && s.contains(key);
    return false;
  }

  /** A number operand of plus/minus: zero, or within the range exact addition can align. */
  private static BigDecimal arith(String fn, List<Value> a, int i) {
    BigDecimal d = num(fn, a, i);
    return d.signum() == 0 ? d : Args.expandable(d);
  }

  private static BigDecimal num(String fn, List<Value> a, int i) {
    return ((NumberValue) numValue(fn, a, i)).value();
  }

  private static Value numValue(String fn, List<Value> a, int i) {
    Value v = a.get(i);
    if (v instanceof NumberValue) return v;
    throw BuiltinException.type(fn + ": operand " + (i + 1) + " must be number but got " + v.typeName());
  }

  private static SetValue set(String fn, List<Value> a, int i) {
    if (a.get(i) instanceof SetValue s) return s;
    throw BuiltinException.type(fn + ": operand " + (i + 1) + " must be set but got " + a.get(i).typeName());
  }
}
