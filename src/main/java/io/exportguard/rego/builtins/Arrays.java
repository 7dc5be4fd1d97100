package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** array.concat, array.slice, array.reverse, array.flatten. */
final class Arrays {
  private Arrays() {}

  static void register(BuiltinRegistry r) {
    def(r, "array.concat", (ctx, a) -> {
      ArrayValue x = Args.arr(a, 1);
      ArrayValue y = Args.arr(a, 2);
      Value[] out = new Value[x.size() + y.size()];
      for (int i = 0; i < x.size(); i++) out[i] = x.get(i);
      for (int i = 0; i < y.size(); i++) out[x.size() + i] = y.get(i);
      return ArrayValue.wrap(out);
    });
    def(r, "array.slice", (ctx, a) -> {
      ArrayValue x = Args.arr(a, 1);
      int start = Args.integer(a, 2);
      int stop = Args.integer(a, 3);
      // Clamped as OPA does: stop into [0, len], start into [0, stop].
      stop = Math.max(0, Math.min(x.size(), stop));
      start = Math.max(0, Math.min(stop, start));
      return ArrayValue.of(x.items().subList(start, stop));
    });
    def(r, "array.reverse", (ctx, a) -> {
      ArrayValue x = Args.arr(a, 1);
      Value[] out = new Value[x.size()];
      for (int i = 0; i < out.length; i++) out[i] = x.get(out.length - 1 - i);
      return ArrayValue.wrap(out);
    });
    def(r, "array.flatten", (ctx, a) -> {
      List<Value> out = new ArrayList<>();
      flatten(Args.arr(a, 1), out);
      return ArrayValue.of(out);
    });
  }

  private static void flatten(ArrayValue x, List<Value> out) {
    for (Value v : x.items()) {
      if (v instanceof ArrayValue inner) flatten(inner, out);
      else out.add(v);
    }
  }
}
