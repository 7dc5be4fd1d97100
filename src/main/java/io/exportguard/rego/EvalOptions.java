package io.exportguard.rego;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * How one query is evaluated. Immutable: start from {@link #DEFAULT} and change what you need with
 * the {@code with...} methods, each of which returns a copy.
 *
 * <ul>
 *   <li>{@link #timeout()} — wall-clock bound; exceeding it gives {@code eval_cancel_error}
 *       (default 30 s; null for none);
 *   <li>{@link #maxDepth()} — bound on nested rule/function calls; exceeding it is
 *       {@code eval_depth_error}, never a StackOverflowError (default 2,000);
 *   <li>{@link #strictBuiltinErrors()} — builtin errors end the query instead of making the call
 *       undefined (OPA's strict mode; default off);
 *   <li>{@link #now()} — the instant {@code time.now_ns} reports; null (default) reads the real
 *       clock once per query;
 *   <li>{@link #allowNet()} — lets builtins that reach outside the process ({@code http.send},
 *       {@code net.lookup_ip_addr}) run (default off);
 *   <li>{@link #printHook()} — where {@code print} output goes: null (default) collects it in
 *       {@link QueryResult#printed()}; a hook receives each line as it is printed instead;
 *   <li>{@link #budget()} — how much the query may build (collection elements, string characters);
 *       exceeding it gives {@code eval_budget_error} (default {@link EvalBudget#DEFAULT}).
 * </ul>
 */
public final class EvalOptions {
  public static final EvalOptions DEFAULT = new EvalOptions();

  private Duration timeout = Duration.ofSeconds(30);
  private int maxDepth = 2_000;
  private boolean strictBuiltinErrors;
  private Instant now;
  private boolean allowNet;
  private Consumer<String> printHook;
  private EvalBudget budget = EvalBudget.DEFAULT;

  private EvalOptions() {}

  private EvalOptions copy() {
    EvalOptions o = new EvalOptions();
    o.timeout = timeout;
    o.maxDepth = maxDepth;
    o.strictBuiltinErrors = strictBuiltinErrors;
    o.now = now;
    o.allowNet = allowNet;
    o.printHook = printHook;
    o.budget = budget;
    return o;
  }

  public Duration timeout() { return timeout; }

  public int maxDepth() { return maxDepth; }

  public boolean strictBuiltinErrors() { return strictBuiltinErrors; }

  public Instant now() { return now; }

  public boolean allowNet() { return allowNet; }

  public Consumer<String> printHook() { return printHook; }

  public EvalBudget budget() { return budget; }

  /** A wall-clock bound on the query; null for none. */
  public EvalOptions withTimeout(Duration t) {
    EvalOptions o = copy();
    o.timeout = t;
    return o;
  }

  /** The bound on nested rule and function calls; at least 1. */
  public EvalOptions withMaxDepth(int depth) {
    if (depth < 1) throw new IllegalArgumentException("maxDepth must be at least 1, got " + depth);
    EvalOptions o = copy();
    o.maxDepth = depth;
    return o;
  }

  public EvalOptions withStrictBuiltinErrors(boolean strict) {
    EvalOptions o = copy();
    o.strictBuiltinErrors = strict;
    return o;
  }

  /** A fixed clock for {@code time.now_ns}; null for the real one. */
  public EvalOptions withNow(Instant n) {
    EvalOptions o = copy();
    o.now = n;
    return o;
  }

  public EvalOptions withAllowNet(boolean a) {
    EvalOptions o = copy();
    o.allowNet = a;
    return o;
  }

  /**
   * Sends each {@code print} line to the hook as it is printed (null: collect the lines in the
   * result). The hook is called on the evaluating thread; {@code line -> {}} discards them.
   */
  public EvalOptions withPrintHook(Consumer<String> hook) {
    EvalOptions o = copy();
    o.printHook = hook;
    return o;
  }

  /** How much the query may build before it ends in {@code eval_budget_error}; {@link EvalBudget#UNLIMITED} for no bound. */
  public EvalOptions withBudget(EvalBudget b) {
    if (b == null) throw new IllegalArgumentException("budget must not be null (EvalBudget.UNLIMITED for none)");
    EvalOptions o = copy();
    o.budget = b;
    return o;
  }
}
