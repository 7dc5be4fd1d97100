package io.exportguard.rego.eval;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code with} can replace — input, parts of data, functions — plus the memo of rule and
 * function values computed under exactly these replacements. A {@code with} makes a new context,
 * so nothing cached outside it leaks in and nothing computed inside leaks out.
 */
final class Context {
  /** Marks a cached "undefined" (compared by identity). */
  static final Value UNDEFINED = ArrayValue.wrap(new Value[] {NullValue.INSTANCE});

  final Value input;
  final DataOverride[] dataOverrides;
  final Map<String, Object> functionOverrides;
  final HashMap<Object, Value> memo = new HashMap<>();
  private Context unmocked;

  Context(Value input, DataOverride[] dataOverrides, Map<String, Object> functionOverrides) {
    this.input = input;
    this.dataOverrides = dataOverrides;
    this.functionOverrides = functionOverrides;
  }

  /**
   * This context without function replacements: a replacement function runs in it, so it calls
   * the original functions, never another replacement (as OPA does).
   */
  Context withoutFunctionMocks() {
    if (functionOverrides.isEmpty()) return this;
    if (unmocked == null) unmocked = new Context(input, dataOverrides, Map.of());
    return unmocked;
  }

  /** {@code with data.<path> as value}. */
  record DataOverride(Value[] path, Value value) {}
}
