package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;

/** is_*, type_name, to_number and the deprecated cast_* conversions. */
final class Types {
  private Types() {}

  static void register(BuiltinRegistry r) {
    def(r, "is_array", (ctx, a) -> b(a.get(0) instanceof ArrayValue));
    def(r, "is_boolean", (ctx, a) -> b(a.get(0) instanceof BooleanValue));
    def(r, "is_null", (ctx, a) -> b(a.get(0) instanceof NullValue));
    def(r, "is_number", (ctx, a) -> b(a.get(0) instanceof NumberValue));
    def(r, "is_object", (ctx, a) -> b(a.get(0) instanceof ObjectValue));
    def(r, "is_set", (ctx, a) -> b(a.get(0) instanceof SetValue));
    def(r, "is_string", (ctx, a) -> b(a.get(0) instanceof StringValue));
    def(r, "type_name", (ctx, a) -> Args.s(a.get(0).typeName()));
    def(r, "to_number", (ctx, a) -> {
      Value v = a.get(0);
      if (v instanceof NullValue) return NumberValue.ZERO;
      if (v instanceof BooleanValue x) return x.value() ? NumberValue.ONE : NumberValue.ZERO;
      if (v instanceof NumberValue) return v;
      if (v instanceof StringValue s) return parseNumber(s.value());
      throw Args.typeError(1, v, "null", "boolean", "number", "string");
    });
    def(r, "cast_array", (ctx, a) -> {
      Value v = a.get(0);
      if (v instanceof ArrayValue) return v;
      if (v instanceof SetValue s) return ArrayValue.of(new ArrayList<>(s.items()));
      throw Args.typeError(1, v, "array", "set");
    });
    def(r, "cast_set", (ctx, a) -> {
      Value v = a.get(0);
      if (v instanceof SetValue) return v;
      if (v instanceof ArrayValue x) return SetValue.of(x.items());
      throw Args.typeError(1, v, "array", "set");
    });
    def(r, "cast_string", (ctx, a) -> {
      if (a.get(0) instanceof StringValue) return a.get(0);
      throw Args.typeError(1, a.get(0), "string");
    });
    def(r, "cast_boolean", (ctx, a) -> {
      if (a.get(0) instanceof BooleanValue) return a.get(0);
      throw Args.typeError(1, a.get(0), "boolean");
    });
    def(r, "cast_null", (ctx, a) -> {
      if (a.get(0) instanceof NullValue) return a.get(0);
      throw Args.typeError(1, a.get(0), "null");
    });
    def(r, "cast_object", (ctx, a) -> {
      if (a.get(0) instanceof ObjectValue) return a.get(0);
      throw Args.typeError(1, a.get(0), "object");
    });
  }

  /** Go's strconv.ParseFloat acceptance for decimal text, keeping the exact digits. */
  static NumberValue parseNumber(String s) {
    if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      try {
        BigDecimal d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        return NumberValue.of(d);
      } catch (NumberFormatException | ArithmeticException e) {
        // fall through to the error below
      }
    }
    throw Args.fail("strconv.ParseFloat: parsing " + GoFmt.quoteString(s) + ": invalid syntax");
  }
}
