package io.exportguard.rego;

import java.time.Duration;
import java.time.Instant;

/**
 * How one query is evaluated.
 *
 * @param timeout wall-clock bound; exceeding it gives {@code eval_cancel_error}
 * @param maxDepth bound on nested rule/function calls; exceeding it is an error, never a StackOverflowError
 * @param strictBuiltinErrors builtin errors are errors rather than undefined (OPA's strict mode)
 * @param now the instant {@code time.now_ns} reports; null for the real clock, read once per query
 * @param allowNet lets builtins that reach outside the process ({@code http.send}) run
 * @param budget how much the query may build; exceeding it gives {@code eval_budget_error}
 */
public record EvalOptions(Duration timeout, int maxDepth, boolean strictBuiltinErrors, Instant now,
                          boolean allowNet, EvalBudget budget) {
  public static final EvalOptions DEFAULT =
      new EvalOptions(Duration.ofSeconds(30), 2_000, false, null, false, EvalBudget.DEFAULT);

  public EvalOptions {
    if (budget == null) budget = EvalBudget.DEFAULT;
  }

  /** Options with the default budget. */
  public EvalOptions(Duration timeout, int maxDepth, boolean strictBuiltinErrors, Instant now, boolean allowNet) {
    this(timeout, maxDepth, strictBuiltinErrors, now, allowNet, EvalBudget.DEFAULT);
  }

  public EvalOptions withStrictBuiltinErrors(boolean strict) {
    return new EvalOptions(timeout, maxDepth, strict, now, allowNet, budget);
  }

  public EvalOptions withTimeout(Duration t) { return new EvalOptions(t, maxDepth, strictBuiltinErrors, now, allowNet, budget); }

  public EvalOptions withNow(Instant n) { return new EvalOptions(timeout, maxDepth, strictBuiltinErrors, n, allowNet, budget); }

  public EvalOptions withAllowNet(boolean a) { return new EvalOptions(timeout, maxDepth, strictBuiltinErrors, now, a, budget); }

  public EvalOptions withBudget(EvalBudget b) { return new EvalOptions(timeout, maxDepth, strictBuiltinErrors, now, allowNet, b); }
}
