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
 */
public record EvalOptions(Duration timeout, int maxDepth, boolean strictBuiltinErrors, Instant now,
                          boolean allowNet) {
  public static final EvalOptions DEFAULT = new EvalOptions(Duration.ofSeconds(30), 2_000, false, null, false);

  public EvalOptions withStrictBuiltinErrors(boolean strict) {
    return new EvalOptions(timeout, maxDepth, strict, now, allowNet);
  }

  public EvalOptions withTimeout(Duration t) { return new EvalOptions(t, maxDepth, strictBuiltinErrors, now, allowNet); }

  public EvalOptions withNow(Instant n) { return new EvalOptions(timeout, maxDepth, strictBuiltinErrors, n, allowNet); }

  public EvalOptions withAllowNet(boolean a) { return new EvalOptions(timeout, maxDepth, strictBuiltinErrors, now, a); }
}
