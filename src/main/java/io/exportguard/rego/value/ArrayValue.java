package io.exportguard.rego.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** An immutable array; arrays compare element by element, then by length. */
public final class ArrayValue implements Value {
  public static final ArrayValue EMPTY = new ArrayValue(new Value[0]);

  private final Value[] items;
  private int hash;

  private ArrayValue(Value[] items) { this.items = items; }

  public static ArrayValue of(Value... items) {
    return items.length == 0 ? EMPTY : new ArrayValue(items.clone());
  }

  public static ArrayValue of(Collection<? extends Value> items) {
    return items.isEmpty() ? EMPTY : new ArrayValue(items.toArray(new Value[0]));
  }

  /** Wraps an array the caller hands over and will not touch again (avoids a copy on hot paths). */
  public static ArrayValue wrap(Value[] owned) {
    return owned.length == 0 ? EMPTY : new ArrayValue(owned);
  }

  public int size() { return items.length; }

  public Value get(int i) { return items[i]; }

  public List<Value> items() { return Collections.unmodifiableList(Arrays.asList(items)); }

  @Override public int typeOrder() { return 4; }
  @Override public String typeName() { return "array"; }

  @Override
  public int compareSameType(Value other) {
    Value[] b = ((ArrayValue) other).items;
    int n = Math.min(items.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = items[i].compareTo(b[i]);
      if (c != 0) return c;
    }
    return Integer.compare(items.length, b.length);
  }

  @Override
  public Object toJava() {
    List<Object> out = new ArrayList<>(items.length);
    for (Value v : items) out.add(v.toJava());
    return out;
  }

  @Override public boolean equals(Object o) { return o instanceof ArrayValue a && Arrays.equals(items, a.items); }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) { h = Arrays.hashCode(items) * 31 + 4; hash = h; }
    return h;
  }

  @Override public String toString() { return Json.write(this); }
}
