package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * walk, OPA's relation builtin: every [path, value] pair of a document, root first, then children in
 * order (object keys, array indexes, set elements). The implementation returns them all as one array;
 * the evaluator binds each in turn.
 */
final class Walk {
  private Walk() {}

  static void register(BuiltinRegistry r) {
    def(r, "walk", (ctx, a) -> {
      List<Value> out = new ArrayList<>();
      walk(ctx, a.get(0), new ArrayList<>(), out);
      return ArrayValue.of(out);
    });
  }

  private static void walk(BuiltinContext ctx, Value v, List<Value> path, List<Value> out) {
    if ((out.size() & 0x3FF) == 0) ctx.checkDeadline();
    out.add(ArrayValue.of(ArrayValue.of(path), v));
    if (v instanceof ObjectValue o) {
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) descend(ctx, e.getKey(), e.getValue(), path, out);
    } else if (v instanceof ArrayValue arr) {
      for (int i = 0; i < arr.size(); i++) descend(ctx, NumberValue.of(i), arr.get(i), path, out);
    } else if (v instanceof SetValue s) {
      for (Value e : s) descend(ctx, e, e, path, out);
    }
  }

  private static void descend(BuiltinContext ctx, Value key, Value child, List<Value> path, List<Value> out) {
    path.add(key);
    walk(ctx, child, path, out);
    path.remove(path.size() - 1);
  }
}
