package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.typeError;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** count, sum, product, max, min, sort, and the deprecated all/any. Sums stay exact (BigDecimal). */
final class Aggregates {
  private Aggregates() {}

  static void register(BuiltinRegistry r) {
    def(r, "count", (ctx, a) -> {
      Value v = a.get(0);
      if (v instanceof ArrayValue x) return Args.n(x.size());
      if (v instanceof ObjectValue x) return Args.n(x.size());
      if (v instanceof SetValue x) return Args.n(x.size());
      if (v instanceof StringValue x) return Args.n(x.value().codePointCount(0, x.value().length()));
      throw typeError(1, v, "array", "object", "set", "string");
    });
    def(r, "sum", (ctx, a) -> fold(a, BigDecimal.ZERO, true));
    def(r, "product", (ctx, a) -> fold(a, BigDecimal.ONE, false));
    def(r, "max", (ctx, a) -> {
      List<Value> items = Args.collection(a, 1, "set", "array");
      return items.isEmpty() ? null : Collections.max(items);
    });
    def(r, "min", (ctx, a) -> {
      List<Value> items = Args.collection(a, 1, "set", "array");
      return items.isEmpty() ? null : Collections.min(items);
    });
    def(r, "sort", (ctx, a) -> {
      Value v = a.get(0);
      if (v instanceof SetValue s) return ArrayValue.of(new ArrayList<>(s.items()));
      List<Value> items = new ArrayList<>(Args.collection(a, 1, "set", "array"));
      Collections.sort(items);
      return ArrayValue.of(items);
    });
    def(r, "all", (ctx, a) -> {
      for (Value v : Args.collection(a, 1, "array", "set")) if (!BooleanValue.TRUE.equals(v)) return BooleanValue.FALSE;
      return BooleanValue.TRUE;
    });
    def(r, "any", (ctx, a) -> {
      for (Value v : Args.collection(a, 1, "array", "set")) if (BooleanValue.TRUE.equals(v)) return BooleanValue.TRUE;
      return BooleanValue.FALSE;
    });
  }

  private static Value fold(List<Value> a, BigDecimal init, boolean add) {
    Value coll = a.get(0);
    List<Value> items = Args.collection(a, 1, "set", "array");
    BigDecimal acc = init;
    for (Value v : items) {
      if (!(v instanceof NumberValue n)) throw Args.elementError(1, coll, v, "number");
      // Adding aligns digits, so sums refuse 1e999999 like plus does; products only multiply digits.
      acc = add ? acc.add(n.value().signum() == 0 ? n.value() : Args.expandable(n.value())) : acc.multiply(n.value());
    }
    return NumberValue.of(acc);
  }
}
