package io.exportguard.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Conversions between plain Java objects (as Jackson or SnakeYAML produce them) and values. */
public final class Values {
  private Values() {}

  /**
   * Converts null, Boolean, Number, String/CharSequence, Map, Set, Collection, arrays of Object and
   * Values themselves. Throws IllegalArgumentException for anything else.
   */
  public static Value fromJava(Object o) {
    if (o == null) return NullValue.INSTANCE;
    if (o instanceof Value v) return v;
    if (o instanceof Boolean b) return BooleanValue.of(b);
    if (o instanceof BigDecimal d) return NumberValue.of(d);
    if (o instanceof BigInteger i) return NumberValue.of(i);
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return NumberValue.of(((Number) o).longValue());
    }
    if (o instanceof Double || o instanceof Float) {
      double d = ((Number) o).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("not a JSON number: " + d);
      return NumberValue.parse(Double.toString(d));
    }
    if (o instanceof CharSequence s) return StringValue.of(s.toString());
    if (o instanceof Map<?, ?> m) {
      TreeMap<Value, Value> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put(fromJava(e.getKey()), fromJava(e.getValue()));
      return ObjectValue.wrap(out);
    }
    if (o instanceof Set<?> s) {
      TreeSet<Value> out = new TreeSet<>();
      for (Object e : s) out.add(fromJava(e));
      return SetValue.wrap(out);
    }
    if (o instanceof Collection<?> c) {
      Value[] out = new Value[c.size()];
      int i = 0;
      for (Object e : c) out[i++] = fromJava(e);
      return ArrayValue.wrap(out);
    }
    if (o instanceof Object[] arr) {
      Value[] out = new Value[arr.length];
      for (int i = 0; i < arr.length; i++) out[i] = fromJava(arr[i]);
      return ArrayValue.wrap(out);
    }
    throw new IllegalArgumentException("cannot convert " + o.getClass().getName() + " to a Rego value");
  }

  public static StringValue string(String s) { return StringValue.of(s); }

  public static NumberValue number(long n) { return NumberValue.of(n); }
}
