package io.exportguard.rego;

/**
 * How much one query may build, so a policy that builds huge collections or strings ends in an
 * {@code eval_budget_error} instead of exhausting the heap. Both counts are cumulative over the query:
 * every element added to a collection the evaluator builds (comprehensions, partial set and object
 * rules) or a builtin returns, and every character of a string a builtin returns or {@code print}
 * collects. Builtins whose result can be far larger than their operands (numbers.range, concat,
 * replace, json.marshal of a shared value, ...) check the budget before they build it.
 *
 * @param maxElements collection elements a query may build; {@code Long.MAX_VALUE} for no bound
 * @param maxStringChars string characters a query may build; {@code Long.MAX_VALUE} for no bound
 */
public record EvalBudget(long maxElements, long maxStringChars) {
  /**
   * Two million elements and a hundred million characters: some hundreds of megabytes if all were
   * kept, a hundred times what policies over one account's facts build, and reached within a few
   * seconds by a policy that would otherwise run the JVM out of heap.
   */
  public static final EvalBudget DEFAULT = new EvalBudget(2_000_000L, 100_000_000L);

  /** No bound: only the heap limits what a query builds. */
  public static final EvalBudget UNLIMITED = new EvalBudget(Long.MAX_VALUE, Long.MAX_VALUE);

  public EvalBudget {
    if (maxElements < 0 || maxStringChars < 0) throw new IllegalArgumentException("budget must not be negative");
  }
}
