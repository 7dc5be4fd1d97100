package io.exportguard.rego;

import java.time.Instant;
import java.util.function.Function;

/**
 * What a builtin (OPA's or a {@link CustomBuiltin}) may see of the query that calls it. One
 * context per query evaluation, used on the evaluating thread only.
 */
public interface BuiltinContext {

  /** The query's clock reading ({@link EvalOptions#now()} or the real clock): the same for every call within one query. */
  Instant now();

  /**
   * A value cached for the whole query (e.g. {@code rand.intn}'s answer for given arguments),
   * computed once on first use. Use it to give a nondeterministic builtin one answer per query.
   */
  <T> T queryCached(Object key, Function<Object, T> compute);

  /**
   * A value cached for the whole policy set across queries and threads (compiled regexes and
   * globs), computed once on first use. Must be safe for concurrent use.
   */
  <T> T policyCached(Object key, Function<Object, T> compute);

  /** Emits one line of {@code print} output (collected in the result, or sent to the print hook). */
  void print(String line);

  /** Whether builtins that reach outside the process may do so ({@link EvalOptions#allowNet()}). */
  boolean allowNet();

  /** Throws when the query's deadline has passed (ending it with {@code eval_cancel_error}); long builtins call it. */
  void checkDeadline();

  /**
   * Throws {@code eval_budget_error} unless this many more collection elements and string characters
   * fit the query's budget ({@link EvalOptions#budget()}). For builtins whose result can be far larger
   * than their operands, to call before building it; what a builtin returns is charged by the engine.
   */
  default void ensureBudget(long elements, long chars) {}

  /** Whether this many more elements and characters fit the budget (a cheap upper bound first). */
  default boolean fitsBudget(long elements, long chars) { return true; }
}
