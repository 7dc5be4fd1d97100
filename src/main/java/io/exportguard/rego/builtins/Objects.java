package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** object.get, object.keys, object.union(_n), object.filter, object.remove, object.subset. */
final class Objects {
  private Objects() {}

  static void register(BuiltinRegistry r) {
    def(r, "object.get", (ctx, a) -> {
      ObjectValue o = Args.obj(a, 1);
      Value key = a.get(1);
      if (!(key instanceof ArrayValue path)) {
        Value v = o.get(key);
        return v != null ? v : a.get(2);
      }
      Value v = find(o, path);
      return v != null ? v : a.get(2);
    });
    def(r, "object.keys", (ctx, a) -> SetValue.of(Args.obj(a, 1).entries().keySet()));
    def(r, "object.union", (ctx, a) -> {
      ObjectValue x = Args.obj(a, 1);
      ObjectValue y = Args.obj(a, 2);
      return merge(x, y);
    });
    def(r, "object.union_n", (ctx, a) -> {
      ArrayValue arr = Args.arr(a, 1);
      ObjectValue acc = ObjectValue.EMPTY;
      for (Value v : arr.items()) {
        if (!(v instanceof ObjectValue o)) throw Args.elementError(1, arr, v, "object");
        acc = merge(acc, o);
      }
      return acc;
    });
    def(r, "object.filter", (ctx, a) -> {
      ObjectValue o = Args.obj(a, 1);
      TreeSet<Value> keys = keysParam(a.get(1));
      TreeMap<Value, Value> out = new TreeMap<>();
      for (Value k : keys) {
        Value v = o.get(k);
        if (v != null) out.put(k, v);
      }
      return ObjectValue.wrap(out);
    });
    def(r, "object.remove", (ctx, a) -> {
      ObjectValue o = Args.obj(a, 1);
      TreeSet<Value> keys = keysParam(a.get(1));
      TreeMap<Value, Value> out = new TreeMap<>(o.entries());
      out.keySet().removeAll(keys);
      return ObjectValue.wrap(out);
    });
    def(r, "object.subset", (ctx, a) -> {
      Value sup = a.get(0);
      Value sub = a.get(1);
      if (sup instanceof ObjectValue x && sub instanceof ObjectValue y) return BooleanValue.of(objectSubset(x, y));
      if (sup instanceof SetValue x && sub instanceof SetValue y) return BooleanValue.of(x.items().containsAll(y.items()));
      if (sup instanceof ArrayValue x && sub instanceof ArrayValue y) return BooleanValue.of(arraySubset(x, y));
      if (sup instanceof ArrayValue x && sub instanceof SetValue y) return BooleanValue.of(x.items().containsAll(y.items()));
      throw Args.typeFail("both arguments object.subset must be of the same type or array and set");
    });
  }

  /** Follows a path of keys (objects, sets) and indexes (arrays); null when it leads nowhere. */
  static Value find(Value root, ArrayValue path) {
    Value cur = root;
    for (Value seg : path.items()) {
      if (cur instanceof ObjectValue o) {
        cur = o.get(seg);
      } else if (cur instanceof ArrayValue arr) {
        Integer i = seg instanceof NumberValue n ? n.intValueOrNull() : null;
        cur = i == null || i < 0 || i >= arr.size() ? null : arr.get(i);
      } else if (cur instanceof SetValue s) {
        cur = s.contains(seg) ? seg : null;
      } else {
        return null;
      }
      if (cur == null) return null;
    }
    return cur;
  }

  /** Recursive merge; on conflicts the right side wins unless both are objects. */
  static ObjectValue merge(ObjectValue x, ObjectValue y) {
    if (x.size() == 0) return y;
    TreeMap<Value, Value> out = new TreeMap<>(x.entries());
    for (Map.Entry<Value, Value> e : y.entries().entrySet()) {
      Value old = out.get(e.getKey());
      if (old instanceof ObjectValue ox && e.getValue() instanceof ObjectValue oy) out.put(e.getKey(), merge(ox, oy));
      else out.put(e.getKey(), e.getValue());
    }
    return ObjectValue.wrap(out);
  }

  private static TreeSet<Value> keysParam(Value v) {
    if (v instanceof ArrayValue x) return new TreeSet<>(x.items());
    if (v instanceof SetValue x) return new TreeSet<>(x.items());
    if (v instanceof ObjectValue x) return new TreeSet<>(x.entries().keySet());
    throw Args.typeError(2, v, "object", "set", "array");
  }

  private static boolean objectSubset(ObjectValue sup, ObjectValue sub) {
    for (Map.Entry<Value, Value> e : sub.entries().entrySet()) {
      Value s = sup.get(e.getKey());
      if (s == null) return false;
      Value want = e.getValue();
      if (s.equals(want)) continue;
      if (s instanceof ObjectValue so && want instanceof ObjectValue wo) {
        if (!objectSubset(so, wo)) return false;
      } else if (s instanceof SetValue ss && want instanceof SetValue ws) {
        if (!ss.items().containsAll(ws.items())) return false;
      } else if (s instanceof ArrayValue sa && want instanceof ArrayValue wa) {
        if (!arraySubset(sa, wa)) return false;
      } else {
        return false;
      }
    }
    return true;
  }

  /** Whether sub occurs as a contiguous run inside sup. */
  private static boolean arraySubset(ArrayValue sup, ArrayValue sub) {
    List<Value> x = sup.items();
    List<Value> y = sub.items();
    if (y.size() > x.size()) return false;
    if (y.isEmpty()) return true;
    outer:
    for (int i = 0; i + y.size() <= x.size(); i++) {
      for (int j = 0; j < y.size(); j++) if (x.get(i + j).compareTo(y.get(j)) != 0) continue outer;
      return true;
    }
    return false;
  }

  static StringValue str(String s) { return StringValue.of(s); }
}
