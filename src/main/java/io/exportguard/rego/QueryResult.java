package io.exportguard.rego;

import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * The answer to a query, shaped like OPA's {@code rego.ResultSet}: one {@link Result} per way the
 * query holds (none when it is undefined), and the lines {@code print} produced, in order (empty
 * when a print hook took them).
 *
 * <p>A query that is one expression without iteration reports that expression's value even when
 * it is {@code false}, as OPA does: {@code data.app.allow} gives one result whose value is
 * {@code false} when allow is false, and no result when allow is undefined.
 */
public record QueryResult(List<Result> results, List<String> printed) {

  public QueryResult {
    results = List.copyOf(results);
    printed = List.copyOf(printed);
  }

  /** True when the query holds at least once. */
  public boolean defined() { return !results.isEmpty(); }

  /**
   * The value of the first expression of the first result — the answer to a query that is a
   * single term such as {@code data.app.allow} — or null when the query is undefined.
   */
  public Value value() { return results.isEmpty() ? null : results.get(0).value(); }

  /**
   * True only when the query gave exactly one result, with one expression, no bindings, and the
   * value {@code true} — OPA's {@code ResultSet.Allowed()}, for queries like {@code data.app.allow}.
   * Anything else (undefined, false, a non-boolean, several results) is false: it fails closed.
   */
  public boolean allowed() {
    if (results.size() != 1 || !results.get(0).bindings().isEmpty()) return false;
    List<ExpressionValue> e = results.get(0).expressions();
    return e.size() == 1 && io.exportguard.rego.value.BooleanValue.TRUE.equals(e.get(0).value());
  }

  /**
   * One solution of the query.
   *
   * @param expressions the value of each expression, in the order written: a term's value
   *     ({@code data.app.deny}), a call's result ({@code count(xs) > 2} gives {@code true}), or
   *     {@code true} for unifications, assignments, negations, {@code some} and {@code every}
   * @param bindings the query's named variables and their values, in order of first appearance
   *     (no wildcards, no compiler-made names)
   */
  public record Result(List<ExpressionValue> expressions, Map<String, Value> bindings) {
    public Result {
      expressions = List.copyOf(expressions);
      bindings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bindings));
    }

    /** The first expression's value. */
    public Value value() { return expressions.isEmpty() ? null : expressions.get(0).value(); }

    /** A variable's value, or null when the query does not bind it. */
    public Value binding(String name) { return bindings.get(name); }
  }

  /**
   * One expression's value and where it is written in the query.
   *
   * @param text the expression's source text (with its {@code with} modifiers)
   * @param line 1-based line within the query
   * @param column 1-based column within the query
   */
  public record ExpressionValue(Value value, String text, int line, int column) {}
}
