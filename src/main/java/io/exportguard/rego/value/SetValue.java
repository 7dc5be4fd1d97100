package io.exportguard.rego.value;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/** An immutable set, iterated in sorted order; sets compare as their sorted element lists. */
public final class SetValue implements Value, Iterable<Value> {
  public static final SetValue EMPTY = new SetValue(new TreeSet<>());

  private final NavigableSet<Value> items;
  private int hash;

  private SetValue(NavigableSet<Value> items) { this.items = items; }

  public static SetValue of(Value... items) {
    TreeSet<Value> s = new TreeSet<>();
    Collections.addAll(s, items);
    return s.isEmpty() ? EMPTY : new SetValue(s);
  }

  public static SetValue of(Collection<? extends Value> items) {
    return items.isEmpty() ? EMPTY : new SetValue(new TreeSet<>(items));
  }

  /** Wraps a sorted set the caller hands over and will not touch again. */
  public static SetValue wrap(TreeSet<Value> owned) {
    return owned.isEmpty() ? EMPTY : new SetValue(owned);
  }

  public int size() { return items.size(); }

  public boolean contains(Value v) { return items.contains(v); }

  public Set<Value> items() { return Collections.unmodifiableNavigableSet(items); }

  @Override public Iterator<Value> iterator() { return items().iterator(); }

  @Override public int typeOrder() { return 6; }
  @Override public String typeName() { return "set"; }

  @Override
  public int compareSameType(Value other) {
    Iterator<Value> a = items.iterator();
    Iterator<Value> b = ((SetValue) other).items.iterator();
    while (a.hasNext() && b.hasNext()) {
      int c = a.next().compareTo(b.next());
      if (c != 0) return c;
    }
    return Boolean.compare(a.hasNext(), b.hasNext());
  }

  @Override
  public Object toJava() {
    Set<Object> out = new LinkedHashSet<>();
    for (Value v : items) out.add(v.toJava());
    return out;
  }

  @Override public boolean equals(Object o) { return o instanceof SetValue s && items.equals(s.items); }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) { h = items.hashCode() * 31 + 6; hash = h; }
    return h;
  }

  @Override public String toString() { return Json.write(this); }
}
