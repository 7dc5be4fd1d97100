package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.TreeSet;

/** intersection, union (of a set of sets) and the deprecated set_diff. */
final class Sets {
  private Sets() {}

  static void register(BuiltinRegistry r) {
    def(r, "union", (ctx, a) -> {
      SetValue sets = Args.set(a, 1);
      TreeSet<Value> out = new TreeSet<>();
      for (Value v : sets) {
        if (!(v instanceof SetValue s)) throw Args.typeError(1, v, "set");
        out.addAll(s.items());
      }
      return SetValue.wrap(out);
    });
    def(r, "intersection", (ctx, a) -> {
      SetValue sets = Args.set(a, 1);
      TreeSet<Value> out = null;
      for (Value v : sets) {
        if (!(v instanceof SetValue s)) throw Args.typeError(1, v, "set");
        if (out == null) out = new TreeSet<>(s.items());
        else out.retainAll(s.items());
      }
      return out == null ? SetValue.EMPTY : SetValue.wrap(out);
    });
    def(r, "set_diff", (ctx, a) -> {
      SetValue x = Args.set(a, 1);
      SetValue y = Args.set(a, 2);
      TreeSet<Value> out = new TreeSet<>(x.items());
      out.removeAll(y.items());
      return SetValue.wrap(out);
    });
  }
}
