package io.exportguard.rego.builtins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A plain {@link BuiltinContext}: a fixed clock reading, a per-instance query cache, a policy cache that
 * can be shared between instances, collected print lines, and no deadline. For tools, tests and
 * benchmarks that call builtins directly.
 */
public final class SimpleBuiltinContext implements BuiltinContext {
  private final Instant now;
  private final Map<Object, Object> queryCache = new HashMap<>();
  private final ConcurrentHashMap<Object, Object> policyCache;
  private final boolean allowNet;
  private final List<String> printed = new ArrayList<>();

  public SimpleBuiltinContext(Instant now, ConcurrentHashMap<Object, Object> policyCache, boolean allowNet) {
    this.now = now;
    this.policyCache = policyCache;
    this.allowNet = allowNet;
  }

  /** A context reading the clock now, with its own policy cache and no network. */
  public SimpleBuiltinContext() { this(Instant.now(), new ConcurrentHashMap<>(), false); }

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
    return (T) policyCache.computeIfAbsent(key, k -> compute.apply(k));
  }

  @Override public void print(String line) { printed.add(line); }

  public List<String> printed() { return List.copyOf(printed); }

  @Override public boolean allowNet() { return allowNet; }

  @Override public void checkDeadline() { }
}
