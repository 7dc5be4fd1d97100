package io.exportguard.rego.value;

/**
 * A Rego value: JSON plus sets. Immutable, and totally ordered across types as OPA orders them:
 * null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set.
 * Undefined is not a value; APIs that may yield nothing return Java {@code null} or an empty result.
 */
public sealed interface Value extends Comparable<Value>, java.io.Serializable
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

  /** Position of this value's type in OPA's cross-type order. */
  int typeOrder();

  /** OPA's {@code type_name}: null, boolean, number, string, array, object or set. */
  String typeName();

  /** Compares with another value of the same type (callers guarantee the type). */
  int compareSameType(Value other);

  @Override
  default int compareTo(Value other) {
    int byType = Integer.compare(typeOrder(), other.typeOrder());
    return byType != 0 ? byType : compareSameType(other);
  }

  /** The plain Java form: null, Boolean, BigDecimal, String, List, Set, Map (keys as Values when not strings). */
  Object toJava();

  /** This value as OPA prints it in JSON (sets become arrays, non-string object keys are JSON-encoded). */
  default String toJson() {
    return Json.write(this);
  }
}
