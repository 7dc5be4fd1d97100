package io.exportguard.rego.eval;

import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the object that partial object rules and ref-head rules with variables define: each
 * solution puts a value at a key path; a different value at the same place is a conflict.
 */
final class ObjectBuilder {
  private final TreeMap<Value, Object> root = new TreeMap<>();

  /** Puts value at path (a set leaf collects values); false on a conflict. */
  @SuppressWarnings("unchecked")
  boolean put(Value[] path, Value value, boolean setLeaf) {
    TreeMap<Value, Object> node = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = node.get(path[i]);
      if (next == null) {
        next = new TreeMap<Value, Object>();
        node.put(path[i], next);
      } else if (!(next instanceof TreeMap)) {
        return false;
      }
      node = (TreeMap<Value, Object>) next;
    }
    Value last = path[path.length - 1];
    Object prev = node.get(last);
    if (setLeaf) {
      if (prev == null) {
        prev = new TreeSet<Value>();
        node.put(last, prev);
      } else if (!(prev instanceof TreeSet)) {
        return false;
      }
      ((TreeSet<Value>) prev).add(value);
      return true;
    }
    if (prev == null) {
      node.put(last, value);
      return true;
    }
    if (prev instanceof Value v) return v.equals(value);
    if (prev instanceof TreeMap && value instanceof ObjectValue o) {
      // A constant child merged over dynamic entries: merge member by member.
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        Value[] sub = new Value[path.length + 1];
        System.arraycopy(path, 0, sub, 0, path.length);
        sub[path.length] = e.getKey();
        if (!put(sub, e.getValue(), false)) return false;
      }
      return true;
    }
    return false;
  }

  ObjectValue build() { return (ObjectValue) freeze(root); }

  @SuppressWarnings("unchecked")
  private static Value freeze(Object o) {
    if (o instanceof Value v) return v;
    if (o instanceof TreeSet<?> s) return SetValue.wrap((TreeSet<Value>) s);
    TreeMap<Value, Value> m = new TreeMap<>();
    for (Map.Entry<Value, Object> e : ((TreeMap<Value, Object>) o).entrySet()) m.put(e.getKey(), freeze(e.getValue()));
    return ObjectValue.wrap(m);
  }
}
