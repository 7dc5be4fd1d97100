package io.exportguard.rego.value;

/** The JSON null. */
public final class NullValue implements Value {
  public static final NullValue INSTANCE = new NullValue();

  private NullValue() {}

  /** One instance, also when read back from a compiled form. */
  private Object readResolve() { return INSTANCE; }

  @Override public int typeOrder() { return 0; }
  @Override public String typeName() { return "null"; }
  @Override public int compareSameType(Value other) { return 0; }
  @Override public Object toJava() { return null; }
  @Override public boolean equals(Object o) { return o instanceof NullValue; }
  @Override public int hashCode() { return 17; }
  @Override public String toString() { return "null"; }
}
