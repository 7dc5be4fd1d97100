package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled policy set ready to evaluate: the virtual document tree, the base data and the
 * builtins. Immutable after construction except for the thread-safe policy-wide builtin cache.
 */
final class Plan {
  final RuleNode root;
  final Value baseData;
  final BuiltinRegistry builtins;
  /** Package-scoped METADATA by package path ({@code data.a.b}). */
  final Map<String, List<Annotations>> packageAnnotations;
  /** User functions by absolute dotted name ({@code data.pkg.f}). */
  final Map<String, FunctionGroup> functions;
  final ConcurrentHashMap<Object, Object> policyCache = new ConcurrentHashMap<>();

  Plan(RuleNode root, Value baseData, BuiltinRegistry builtins, Map<String, List<Annotations>> packageAnnotations,
       Map<String, FunctionGroup> functions) {
    this.functions = functions;
    this.root = root;
    this.baseData = baseData;
    this.builtins = builtins;
    this.packageAnnotations = packageAnnotations;
  }

  /** The METADATA of the package a rule (by its path, {@code data.a.b.p}) belongs to: the longest package prefix. */
  List<Annotations> packageAnnotations(String rulePath) {
    String p = rulePath;
    int dot;
    while ((dot = p.lastIndexOf('.')) > 0) {
      p = p.substring(0, dot);
      List<Annotations> a = packageAnnotations.get(p);
      if (a != null) return a;
    }
    return List.of();
  }
}
