package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.BuiltinContext;
import io.exportguard.rego.value.ArrayValue;
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

  private static final long MEMO_FROM_NODES = 32;

  /** Sizes of the composites below the top one; made on first use (most operands are small). */
  private IdentityHashMap<Value, Size> memo;
  private final BuiltinContext ctx;
  private int visited;
  /** What the walk has counted so far (scalars are counted here, without allocating). */
  private long chars;
  private long nodes;

  private ValueSize(BuiltinContext ctx) { this.ctx = ctx; }

  static Size of(Value v, BuiltinContext ctx) {
    ValueSize w = new ValueSize(ctx);
    long depth = w.walk(v, true);
    return new Size(w.chars, w.nodes, depth);
  }

  static long chars(Value v, BuiltinContext ctx) {
    if (v instanceof StringValue s) return s.value().length() + 2L;
    if (v instanceof NumberValue n) return n.value().precision() + 2L;
    return of(v, ctx).chars();
  }

  /** Counts {@code v} into the totals; returns its depth. */
  private long walk(Value v, boolean top) {
    nodes = add(nodes, 1);
    if (v instanceof StringValue s) {
      chars = add(chars, s.value().length() + 2L);
      return 1;
    }
    if (v instanceof NumberValue n) {
      chars = add(chars, n.value().precision() + 2L);
      return 1;
    }
    if (!(v instanceof ArrayValue || v instanceof SetValue || v instanceof ObjectValue)) {
      chars = add(chars, 5);
      return 1;
    }
    nodes--;
    Size known = memo == null ? null : memo.get(v);
    if (known != null) {
      chars = add(chars, known.chars());
      nodes = add(nodes, known.nodes());
      return known.depth();
    }
    if ((++visited & 0xFFF) == 0) ctx.checkDeadline();
    long chars0 = chars;
    long nodes0 = nodes;
    nodes = add(nodes, 1);
    chars = add(chars, 2);
    long depth = 0;
    if (v instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        chars = add(chars, 1);
        depth = Math.max(depth, walk(a.get(i), false));
      }
    } else if (v instanceof SetValue set) {
      for (Value item : set) {
        chars = add(chars, 1);
        depth = Math.max(depth, walk(item, false));
      }
    } else {
      for (Map.Entry<Value, Value> e : ((ObjectValue) v).entries().entrySet()) {
        chars = add(chars, 2);
        walk(e.getKey(), false);
        depth = Math.max(depth, walk(e.getValue(), false));
      }
    }
    // Small parts are cheaper to count again than to remember; a part shared over and over (the
    // case that makes text exponential) is big in text and remembered.
    if (!top && nodes - nodes0 >= MEMO_FROM_NODES) {
      if (memo == null) memo = new IdentityHashMap<>();
      memo.put(v, new Size(chars - chars0, nodes - nodes0, depth + 1));
    }
    return depth + 1;
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
