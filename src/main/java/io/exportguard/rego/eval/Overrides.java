package io.exportguard.rego.eval;

import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.util.TreeMap;

/** How {@code with data.<path> as v} and {@code with input.<path> as v} change a document. */
final class Overrides {
  private Overrides() {}

  /** The replacement for exactly data[keys[0..depth)], the latest one winning; null if none. */
  static Value exact(Context ctx, Value[] keys, int depth) {
    Context.DataOverride[] ovs = ctx.dataOverrides;
    for (int j = ovs.length - 1; j >= 0; j--) {
      if (ovs[j].path().length == depth && prefixMatches(ovs[j].path(), keys, depth)) return ovs[j].value();
    }
    return null;
  }

  /** The document at data[keys[0..depth)] with replacements of deeper paths laid over it. */
  static Value patchBelow(Context ctx, Value v, Value[] keys, int depth) {
    for (Context.DataOverride o : ctx.dataOverrides) {
      if (o.path().length > depth && prefixMatches(o.path(), keys, depth)) {
        v = upsert(v, o.path(), depth, o.value());
      }
    }
    return v;
  }

  private static boolean prefixMatches(Value[] path, Value[] keys, int depth) {
    for (int i = 0; i < depth; i++) if (!path[i].equals(keys[i])) return false;
    return true;
  }

  /** v with path[from..] set to value, creating objects on the way (a non-object is replaced). */
  static Value upsert(Value v, Value[] path, int from, Value value) {
    if (from == path.length) return value;
    TreeMap<Value, Value> m = new TreeMap<>();
    if (v instanceof ObjectValue o) m.putAll(o.entries());
    m.put(path[from], upsert(m.get(path[from]), path, from + 1, value));
    return ObjectValue.wrap(m);
  }
}
