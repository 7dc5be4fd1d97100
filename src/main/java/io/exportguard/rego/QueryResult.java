package io.exportguard.rego;

import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * The answer to a query: one binding map per solution (variable name to value; a query that is
 * a single term binds it under the name {@code "x"} as well as being defined), and the lines
 * {@code print} produced, in order.
 */
public record QueryResult(List<Map<String, Value>> bindings, List<String> printed) {
  public boolean defined() { return !bindings.isEmpty(); }
}
