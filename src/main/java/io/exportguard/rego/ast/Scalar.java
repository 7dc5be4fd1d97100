package io.exportguard.rego.ast;

import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;

/** A null, boolean, number or string literal. Also a ref's {@code .name} element, as a string. */
public record Scalar(Value value, Location loc) implements Term {
  public static Scalar string(String s, Location loc) { return new Scalar(StringValue.of(s), loc); }

  public static Scalar bool(boolean b, Location loc) { return new Scalar(BooleanValue.of(b), loc); }

  /** The string when this is a string scalar, else null. */
  public String stringOrNull() { return value instanceof StringValue s ? s.value() : null; }
}
