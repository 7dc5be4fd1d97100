package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.value.Value;
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
  /** Document, package and subpackages METADATA, for {@code rego.metadata.chain()}. */
  final AnnotationIndex annotations;
  /** User functions by absolute dotted name ({@code data.pkg.f}). */
  final Map<String, FunctionGroup> functions;
  final ConcurrentHashMap<Object, Object> policyCache = new ConcurrentHashMap<>();

  Plan(RuleNode root, Value baseData, BuiltinRegistry builtins, AnnotationIndex annotations,
       Map<String, FunctionGroup> functions) {
    this.functions = functions;
    this.root = root;
    this.baseData = baseData;
    this.builtins = builtins;
    this.annotations = annotations;
  }
}
