package io.exportguard.rego.builtins;

import java.time.Instant;
import java.util.function.Function;

/**
 * What a builtin may see of the query that calls it. One context per query evaluation. The public
 * {@link io.exportguard.rego.BuiltinContext} (what custom builtins get) declares the same methods;
 * this one is the engine's own, which may offer the standard builtins more.
 */
public interface BuiltinContext extends io.exportguard.rego.BuiltinContext {

  /** The query's clock reading: the same for every call within one query. */
  Instant now();

  /**
   * A value cached for the whole query (e.g. {@code rand.intn}'s answer for given arguments),
   * computed once on first use.
   */
  <T> T queryCached(Object key, Function<Object, T> compute);

  /**
   * A value cached for the whole policy set across queries and threads (compiled regexes and
   * globs), computed once on first use. Must be safe for concurrent use.
   */
  <T> T policyCached(Object key, Function<Object, T> compute);

  /** Collects one line of {@code print} output. */
  void print(String line);

  /** Whether builtins that reach outside the process may do so. */
  boolean allowNet();

  /** Throws {@code eval_cancel_error} when the query's deadline has passed; long builtins call it. */
  void checkDeadline();

  /**
   * Throws {@code eval_budget_error} unless this many more collection elements and string characters
   * fit the query's budget ({@code EvalOptions.budget}). For builtins whose result can be far larger
   * than their operands, to call before building it; what a builtin returns is charged by the engine.
   */
  default void ensureBudget(long elements, long chars) {}

  /** Whether this many more elements and characters fit the budget (a cheap upper bound first). */
  default boolean fitsBudget(long elements, long chars) { return true; }
}
