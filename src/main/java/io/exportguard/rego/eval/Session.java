package io.exportguard.rego.eval;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.builtins.BuiltinContext;
import io.exportguard.rego.builtins.RegoText;
import io.exportguard.rego.value.Value;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of one query evaluation: options, deadline, depth, printed lines, query-wide caches,
 * and the rule being evaluated (for {@code rego.metadata.*}). Builtins see it as their context.
 */
final class Session implements BuiltinContext {
  final Plan plan;
  final Documents documents;
  final EvalOptions options;
  final List<String> printed = new ArrayList<>();
  final Deque<RuleDef> ruleStack = new ArrayDeque<>();
  private final long deadline;
  private final Instant now;
  private final Map<Object, Object> queryCache = new HashMap<>();
  private int steps;
  private int depth;

  Session(Plan plan, EvalOptions options) {
    this.plan = plan;
    this.documents = new Documents(plan);
    this.options = options;
    long timeout = options.timeout() == null ? Long.MAX_VALUE / 4 : options.timeout().toNanos();
    this.deadline = System.nanoTime() + Math.min(timeout, Long.MAX_VALUE / 4);
    this.now = options.now() != null ? options.now() : Instant.now();
  }

  /** Counts a step; checks the deadline every so often. */
  void tick() {
    if ((++steps & 255) == 0) checkDeadline();
  }

  void enter(String what) {
    if (++depth > options.maxDepth()) {
      depth = 0;
      throw new EvalException(EvalException.DEPTH, "evaluation exceeded the maximum depth of " + options.maxDepth()
          + " nested rule or function calls (at " + what + ")");
    }
  }

  void exit() { depth--; }

  @Override public Instant now() { return now; }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T queryCached(Object key, Function<Object, T> compute) {
    Object v = queryCache.get(key);
    if (v == null) {
      v = compute.apply(key);
      queryCache.put(key, v);
    }
    return (T) v;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T policyCached(Object key, Function<Object, T> compute) {
    return (T) plan.policyCache.computeIfAbsent(key, compute::apply);
  }

  @Override
  public void print(String line) {
    if (options.printHook() != null) options.printHook().accept(line);
    else printed.add(line);
  }

  @Override public boolean allowNet() { return options.allowNet(); }

  @Override
  public void checkDeadline() {
    if (System.nanoTime() - deadline > 0) {
      throw new EvalException(EvalException.CANCEL, "caller cancelled query execution (deadline exceeded)");
    }
  }

  /** For error messages: a value as OPA prints it. */
  static String show(Value v) { return v == null ? "<undefined>" : RegoText.of(v); }
}
