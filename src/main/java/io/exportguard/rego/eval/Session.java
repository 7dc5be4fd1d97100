package io.exportguard.rego.eval;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.builtins.BuiltinContext;
import io.exportguard.rego.builtins.RegoText;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
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
 * The state of one query evaluation: options, deadline, depth, budget, printed lines, query-wide
 * caches, and the rule being evaluated (for {@code rego.metadata.*}). Builtins see it as their context.
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
  private final long maxElements;
  private final long maxStringChars;
  private long elements;
  private long stringChars;

  Session(Plan plan, EvalOptions options) {
    this.plan = plan;
    this.documents = new Documents(plan);
    this.options = options;
    long timeout = options.timeout() == null ? Long.MAX_VALUE / 4 : options.timeout().toNanos();
    this.deadline = System.nanoTime() + Math.min(timeout, Long.MAX_VALUE / 4);
    this.now = options.now() != null ? options.now() : Instant.now();
    this.maxElements = options.budget().maxElements();
    this.maxStringChars = options.budget().maxStringChars();
  }

  /**
   * Starts the next query of a shared evaluation: its depth and budget start afresh (values reused
   * from earlier queries were charged to those), its printed lines are its own; the deadline stays.
   * True when the values kept for reuse were built with more than one query's budget: the caller
   * drops them, so an evaluation never holds more than about twice what one query may build.
   */
  boolean nextQuery() {
    keptElements = saturatedAdd(keptElements, elements);
    keptChars = saturatedAdd(keptChars, stringChars);
    depth = 0;
    elements = 0;
    stringChars = 0;
    ruleStack.clear();
    printed.clear();
    if (keptElements <= maxElements && keptChars <= maxStringChars) return false;
    keptElements = 0;
    keptChars = 0;
    return true;
  }

  /** What the queries since the values were last dropped built (they may all be kept for reuse). */
  private long keptElements;
  private long keptChars;

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

  /** Charges collection elements the query built against its budget. */
  void chargeElements(long n) {
    elements = saturatedAdd(elements, n);
    if (elements > maxElements) throw overBudget("collection elements", maxElements);
  }

  /** Charges string characters the query built against its budget. */
  void chargeChars(long n) {
    stringChars = saturatedAdd(stringChars, n);
    if (stringChars > maxStringChars) throw overBudget("string characters", maxStringChars);
  }

  /** Charges what a builtin returned: a collection's elements or a string's characters. */
  void chargeResult(Value v) {
    if (v instanceof StringValue s) chargeChars(s.value().length());
    else if (v instanceof ArrayValue a) chargeElements(a.size());
    else if (v instanceof SetValue s) chargeElements(s.size());
    else if (v instanceof ObjectValue o) chargeElements(o.size());
  }

  @Override
  public void ensureBudget(long moreElements, long moreChars) {
    if (saturatedAdd(elements, moreElements) > maxElements) throw overBudget("collection elements", maxElements);
    if (saturatedAdd(stringChars, moreChars) > maxStringChars) throw overBudget("string characters", maxStringChars);
  }

  @Override
  public boolean fitsBudget(long moreElements, long moreChars) {
    return saturatedAdd(elements, moreElements) <= maxElements && saturatedAdd(stringChars, moreChars) <= maxStringChars;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 || b < 0 ? Long.MAX_VALUE : r;
  }

  private static EvalException overBudget(String what, long max) {
    return new EvalException(EvalException.BUDGET, "evaluation budget exceeded: the query would build more than "
        + max + " " + what + " (a policy that builds very large collections or strings)");
  }

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
    return (T) plan.policyCache.computeIfAbsent(key, compute);
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
