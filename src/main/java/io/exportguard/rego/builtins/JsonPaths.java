package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * json.filter, json.remove and json.patch: paths are JSON-pointer strings ({@code "a/b/0"}) or arrays of
 * segments. Filter and remove first fold the paths into a tree of objects whose leaves are null.
 */
final class JsonPaths {
  private JsonPaths() {}

  static void register(BuiltinRegistry r) {
    def(r, "json.filter", (ctx, a) -> {
      ObjectValue o = Args.obj(a, 1);
      return filter(o, pathTree(paths(a.get(1))));
    });
    def(r, "json.remove", (ctx, a) -> {
      ObjectValue o = Args.obj(a, 1);
      return remove(o, pathTree(paths(a.get(1))));
    });
    def(r, "json.patch", (ctx, a) -> {
      Value target = a.get(0);
      ArrayValue ops = Args.arr(a, 2);
      try {
        for (Value op : ops.items()) target = apply(target, op);
        return target; // null when the patches removed the whole document
      } catch (PatchFailed e) {
        return null; // OPA: a patch that does not apply leaves the call undefined
      }
    });
  }

  private static List<List<Value>> paths(Value v) {
    List<Value> items;
    if (v instanceof ArrayValue x) items = x.items();
    else if (v instanceof SetValue s) items = new ArrayList<>(s.items());
    else throw Args.typeError(2, v, "set", "array");
    List<List<Value>> out = new ArrayList<>();
    for (Value p : items) out.add(path(p));
    return out;
  }

  private static List<Value> path(Value p) {
    if (p instanceof StringValue s) return pointer(s.value());
    if (p instanceof ArrayValue x) return x.items();
    throw Args.operand(2, "must be one of {set, array} containing string paths or array of path segments but got "
        + p.typeName());
  }

  /** Splits a JSON pointer: leading slashes dropped, ~1 and ~0 unescaped. */
  static List<Value> pointer(String s) {
    List<Value> out = new ArrayList<>();
    if (s.isEmpty()) return out;
    int start = 0;
    while (start < s.length() && s.charAt(start) == '/') start++;
    for (String part : s.substring(start).split("/", -1)) {
      out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
    }
    return out;
  }

  private static ObjectValue pathTree(List<List<Value>> paths) {
    TreeMap<Value, Object> root = new TreeMap<>();
    for (List<Value> p : paths) {
      if (p.isEmpty()) continue;
      insert(root, p, 0);
    }
    return toObject(root);
  }

  @SuppressWarnings("unchecked")
  private static void insert(TreeMap<Value, Object> node, List<Value> p, int i) {
    Value k = p.get(i);
    if (i == p.size() - 1) {
      node.put(k, NullValue.INSTANCE);
      return;
    }
    Object child = node.get(k);
    if (child == NullValue.INSTANCE) return; // a shorter path already covers this one
    if (child == null) {
      child = new TreeMap<Value, Object>();
      node.put(k, child);
    }
    insert((TreeMap<Value, Object>) child, p, i + 1);
  }

  @SuppressWarnings("unchecked")
  private static ObjectValue toObject(TreeMap<Value, ?> node) {
    TreeMap<Value, Value> out = new TreeMap<>();
    for (Map.Entry<Value, ?> e : node.entrySet()) {
      Object v = e.getValue();
      out.put(e.getKey(), v instanceof TreeMap ? toObject((TreeMap<Value, ?>) v) : (Value) v);
    }
    return ObjectValue.wrap(out);
  }

  /** Keeps only what the filter tree names (OPA's Object.Filter). */
  static Value filter(Value v, Value f) {
    if (f instanceof NullValue) return v;
    ObjectValue fo = (ObjectValue) f;
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        Value sub = fo.get(StringValue.of(Integer.toString(i)));
        if (sub != null) out.add(filter(arr.get(i), sub));
      }
      return ArrayValue.of(out);
    }
    if (v instanceof SetValue s) {
      TreeSet<Value> out = new TreeSet<>();
      for (Value e : s) {
        Value sub = fo.get(e);
        if (sub != null) out.add(filter(e, sub));
      }
      return SetValue.wrap(out);
    }
    if (v instanceof ObjectValue o) {
      TreeMap<Value, Value> out = new TreeMap<>();
      for (Map.Entry<Value, Value> e : fo.entries().entrySet()) {
        Value x = o.get(e.getKey());
        if (x != null) out.put(e.getKey(), filter(x, e.getValue()));
      }
      return ObjectValue.wrap(out);
    }
    return v;
  }

  /** Drops what the tree names; null means the value itself is removed. */
  static Value remove(Value v, Value f) {
    if (f == null) return v;
    if (f instanceof NullValue) return null;
    if (!(f instanceof ObjectValue fo)) return v;
    if (v instanceof ObjectValue o) {
      TreeMap<Value, Value> out = new TreeMap<>();
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        Value x = remove(e.getValue(), fo.get(e.getKey()));
        if (x != null) out.put(e.getKey(), x);
      }
      return ObjectValue.wrap(out);
    }
    if (v instanceof SetValue s) {
      TreeSet<Value> out = new TreeSet<>();
      for (Value e : s) {
        Value x = remove(e, fo.get(e));
        if (x != null) out.add(x);
      }
      return SetValue.wrap(out);
    }
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        Value x = remove(arr.get(i), fo.get(StringValue.of(Integer.toString(i))));
        if (x != null) out.add(x);
      }
      return ArrayValue.of(out);
    }
    return v;
  }

  // ---- JSON patch over immutable values ----

  private static final class PatchFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PatchFailed() { super(null, null, false, false); }
  }

  /**
   * One operation, as OPA's edit tree applies it: the empty path is the whole document (add and replace
   * set it, remove deletes it: {@code target} null), adding to a set needs the path's last segment to
   * be the value itself, and anything that does not apply fails the whole patch.
   */
  private static Value apply(Value target, Value opv) {
    if (!(opv instanceof ObjectValue op)) throw new PatchFailed();
    Value opName = op.get("op");
    Value pathV = op.get("path");
    if (!(opName instanceof StringValue name) || pathV == null) throw new PatchFailed();
    List<Value> path = patchPath(pathV);
    if (target == null) {
      // the document was removed: only adding a new one at the root applies
      if (name.value().equals("add") && path.isEmpty()) return need(op, "value");
      throw new PatchFailed();
    }
    if (path.isEmpty()) {
      switch (name.value()) {
        case "remove": return null;
        case "replace": return need(op, "value");
        default: // add, move, copy and test work on the root like anywhere else
      }
    }
    switch (name.value()) {
      case "add": return add(target, path, 0, need(op, "value"));
      case "remove": return delete(target, path, 0);
      case "replace": return add(delete(target, path, 0), path, 0, need(op, "value"));
      case "move": {
        List<Value> from = patchPath(need(op, "from"));
        Value chunk = get(target, from);
        // moving the root removes it first: only a move back to the root applies
        if (from.isEmpty()) {
          if (!path.isEmpty()) throw new PatchFailed();
          return chunk;
        }
        return add(delete(target, from, 0), path, 0, chunk);
      }
      case "copy": return add(target, path, 0, get(target, patchPath(need(op, "from"))));
      case "test":
        if (!get(target, path).equals(need(op, "value"))) throw new PatchFailed();
        return target;
      default: throw new PatchFailed();
    }
  }

  private static Value need(ObjectValue op, String key) {
    Value v = op.get(key);
    if (v == null) throw new PatchFailed();
    return v;
  }

  private static List<Value> patchPath(Value p) {
    if (p instanceof StringValue s) return pointer(s.value());
    if (p instanceof ArrayValue x) return x.items();
    throw new PatchFailed();
  }

  private static Value get(Value v, List<Value> path) {
    Value cur = v;
    for (Value seg : path) {
      if (cur instanceof ObjectValue o) cur = o.get(seg);
      else if (cur instanceof ArrayValue arr) {
        int i = index(seg, arr.size(), false);
        cur = arr.get(i);
      } else if (cur instanceof SetValue s) cur = s.contains(seg) ? seg : null;
      else cur = null;
      if (cur == null) throw new PatchFailed();
    }
    return cur;
  }

  private static int index(Value seg, int size, boolean allowEnd) {
    String text = seg instanceof StringValue s ? s.value() : seg instanceof NumberValue n ? n.toString() : null;
    if (text == null) throw new PatchFailed();
    if (allowEnd && text.equals("-")) return size;
    if (!text.matches("0|[1-9][0-9]{0,8}")) throw new PatchFailed();
    int i = Integer.parseInt(text);
    if (i > (allowEnd ? size : size - 1)) throw new PatchFailed();
    return i;
  }

  private static Value add(Value v, List<Value> path, int depth, Value value) {
    if (depth == path.size()) return value;
    Value seg = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (v instanceof ObjectValue o) {
      Value child = o.get(seg);
      if (!last && child == null) throw new PatchFailed();
      TreeMap<Value, Value> out = new TreeMap<>(o.entries());
      out.put(seg, last ? value : add(child, path, depth + 1, value));
      return ObjectValue.wrap(out);
    }
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>(arr.items());
      if (last) {
        out.add(index(seg, arr.size(), true), value);
      } else {
        int i = index(seg, arr.size(), false);
        out.set(i, add(arr.get(i), path, depth + 1, value));
      }
      return ArrayValue.of(out);
    }
    if (v instanceof SetValue s) {
      TreeSet<Value> out = new TreeSet<>(s.items());
      if (last) {
        if (!seg.equals(value)) throw new PatchFailed(); // a set element is its own key
        out.add(value);
      } else {
        if (!s.contains(seg)) throw new PatchFailed();
        out.remove(seg);
        out.add(add(seg, path, depth + 1, value));
      }
      return SetValue.wrap(out);
    }
    throw new PatchFailed();
  }

  private static Value delete(Value v, List<Value> path, int depth) {
    if (path.isEmpty()) throw new PatchFailed();
    Value seg = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (v instanceof ObjectValue o) {
      Value child = o.get(seg);
      if (child == null) throw new PatchFailed();
      TreeMap<Value, Value> out = new TreeMap<>(o.entries());
      if (last) out.remove(seg);
      else out.put(seg, delete(child, path, depth + 1));
      return ObjectValue.wrap(out);
    }
    if (v instanceof ArrayValue arr) {
      int i = index(seg, arr.size(), false);
      List<Value> out = new ArrayList<>(arr.items());
      if (last) out.remove(i);
      else out.set(i, delete(arr.get(i), path, depth + 1));
      return ArrayValue.of(out);
    }
    if (v instanceof SetValue s) {
      if (!s.contains(seg)) throw new PatchFailed();
      TreeSet<Value> out = new TreeSet<>(s.items());
      out.remove(seg);
      if (!last) out.add(delete(seg, path, depth + 1));
      return SetValue.wrap(out);
    }
    throw new PatchFailed();
  }
}
