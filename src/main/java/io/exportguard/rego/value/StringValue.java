package io.exportguard.rego.value;

/** A string. Strings order by Unicode code point, which is Go's (UTF-8 byte) order. */
public final class StringValue implements Value {
  public static final StringValue EMPTY = new StringValue("");

  private final String value;

  private StringValue(String value) { this.value = value; }

  public static StringValue of(String value) {
    return value.isEmpty() ? EMPTY : new StringValue(value);
  }

  public String value() { return value; }

  @Override public int typeOrder() { return 3; }
  @Override public String typeName() { return "string"; }
  @Override public int compareSameType(Value other) { return compareCodePoints(value, ((StringValue) other).value); }
  @Override public Object toJava() { return value; }

  @Override public boolean equals(Object o) { return o instanceof StringValue s && value.equals(s.value); }
  @Override public int hashCode() { return value.hashCode(); }

  /** JSON-quoted, as OPA prints a string inside a composite. */
  @Override public String toString() { return Json.write(this); }

  /** Code-point order; Java's compareTo (UTF-16 unit order) differs for supplementary characters. */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs == ys) return Character.compare(x, y);
        // A surrogate encodes a code point above U+FFFF, so it sorts after any BMP character.
        return xs ? 1 : -1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
