package io.exportguard.rego.value;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An immutable object whose keys may be any value. Entries iterate in key order; objects compare
 * by their sorted keys, then by the values under them.
 */
public final class ObjectValue implements Value {
  public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<>());

  private final NavigableMap<Value, Value> entries;
  private int hash;

  private ObjectValue(NavigableMap<Value, Value> entries) { this.entries = entries; }

  /** Wraps a sorted map the caller hands over and will not touch again. */
  public static ObjectValue wrap(TreeMap<Value, Value> owned) {
    return owned.isEmpty() ? EMPTY : new ObjectValue(owned);
  }

  public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
    return entries.isEmpty() ? EMPTY : new ObjectValue(new TreeMap<>(entries));
  }

  public static Builder builder() { return new Builder(); }

  public int size() { return entries.size(); }

  /** The value under a key, or null when the key is absent. */
  public Value get(Value key) { return entries.get(key); }

  /** The value under a string key, or null when absent. */
  public Value get(String key) { return entries.get(StringValue.of(key)); }

  public Map<Value, Value> entries() { return Collections.unmodifiableNavigableMap(entries); }

  @Override public int typeOrder() { return 5; }
  @Override public String typeName() { return "object"; }

  @Override
  public int compareSameType(Value other) {
    NavigableMap<Value, Value> b = ((ObjectValue) other).entries;
    Iterator<Value> ka = entries.keySet().iterator();
    Iterator<Value> kb = b.keySet().iterator();
    while (ka.hasNext() && kb.hasNext()) {
      int c = ka.next().compareTo(kb.next());
      if (c != 0) return c;
    }
    if (ka.hasNext() || kb.hasNext()) return Boolean.compare(ka.hasNext(), kb.hasNext());
    for (Map.Entry<Value, Value> e : entries.entrySet()) {
      int c = e.getValue().compareTo(b.get(e.getKey()));
      if (c != 0) return c;
    }
    return 0;
  }

  @Override
  public Object toJava() {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> e : entries.entrySet()) {
      Object k = e.getKey() instanceof StringValue s ? s.value() : e.getKey();
      out.put(k, e.getValue().toJava());
    }
    return out;
  }

  @Override public boolean equals(Object o) { return o instanceof ObjectValue x && entries.equals(x.entries); }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) { h = entries.hashCode() * 31 + 5; hash = h; }
    return h;
  }

  @Override public String toString() { return Json.write(this); }

  /** Collects entries; a later put of the same key replaces the earlier one. */
  public static final class Builder {
    private TreeMap<Value, Value> map = new TreeMap<>();

    public Builder put(Value key, Value value) { map.put(key, value); return this; }

    public Builder put(String key, Value value) { return put(StringValue.of(key), value); }

    public ObjectValue build() {
      ObjectValue o = wrap(map);
      map = new TreeMap<>();
      return o;
    }
  }
}
