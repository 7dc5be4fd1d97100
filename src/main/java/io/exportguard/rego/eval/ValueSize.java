package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.BuiltinContext;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How big a value is when written out (JSON, YAML, Rego text) or walked: characters, nodes and
 * depth, counting a substructure once per place it occurs. Values share substructures, so
 * {@code a1 := [a0, a0]} forty times over is small in memory but 2^40 leaves long as text; sizes
 * are memoised by identity, so measuring takes time linear in the value's memory, not its text.
 * Sums saturate at {@code Long.MAX_VALUE}.
 */
final class ValueSize {
  /** Characters of the text form (an estimate within a few per node), nodes, and nesting depth. */
  record Size(long chars, long nodes, long depth) {}

  private static final Size SMALL_SCALAR = new Size(5, 1, 1);

  /** Sizes of the composites below the top one; made on first use (most operands are flat). */
  private IdentityHashMap<Value, Size> memo;
  private final BuiltinContext ctx;
  private int visited;

  private ValueSize(BuiltinContext ctx) { this.ctx = ctx; }

  static Size of(Value v, BuiltinContext ctx) { return new ValueSize(ctx).size(v, true); }

  static long chars(Value v, BuiltinContext ctx) { return of(v, ctx).chars(); }

  private Size size(Value v) { return size(v, false); }

  private Size size(Value v, boolean top) {
    if (v instanceof StringValue s) return new Size(s.value().length() + 2L, 1, 1);
    if (v instanceof NumberValue n) return new Size(n.value().precision() + 2L, 1, 1);
    if (v instanceof BooleanValue || v == null) return SMALL_SCALAR;
    if (!(v instanceof ArrayValue || v instanceof SetValue || v instanceof ObjectValue)) return SMALL_SCALAR;
    Size known = memo == null ? null : memo.get(v);
    if (known != null) return known;
    if ((++visited & 0xFFF) == 0) ctx.checkDeadline();
    long chars = 2;
    long nodes = 1;
    long depth = 0;
    if (v instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        Size s = size(a.get(i));
        chars = add(chars, s.chars() + 1);
        nodes = add(nodes, s.nodes());
        depth = Math.max(depth, s.depth());
      }
    } else if (v instanceof SetValue set) {
      for (Value item : set) {
        Size s = size(item);
        chars = add(chars, s.chars() + 1);
        nodes = add(nodes, s.nodes());
        depth = Math.max(depth, s.depth());
      }
    } else {
      for (Map.Entry<Value, Value> e : ((ObjectValue) v).entries().entrySet()) {
        Size k = size(e.getKey());
        Size s = size(e.getValue());
        chars = add(chars, add(k.chars(), s.chars() + 2));
        nodes = add(nodes, add(k.nodes(), s.nodes()));
        depth = Math.max(depth, s.depth());
      }
    }
    Size out = new Size(chars, nodes, depth + 1);
    if (!top) {
      if (memo == null) memo = new IdentityHashMap<>();
      memo.put(v, out);
    }
    return out;
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
