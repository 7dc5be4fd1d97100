package io.exportguard.rego.eval;

import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the virtual document tree under {@code data}: a package or path segment, and the rules
 * that define its value. A node defined by rules is a virtual document; one without is a namespace
 * whose value is built from its children and the base document at the same path.
 */
final class RuleNode {
  final String path;
  final Map<Value, RuleNode> children = new LinkedHashMap<>();
  final List<RuleDef> complete = new ArrayList<>();
  final List<RuleDef> partialSet = new ArrayList<>();
  /** Rules whose head continues below this node with non-constant keys ({@code p[x] := v}, {@code a[x].b := v}). */
  final List<RuleDef> dynamic = new ArrayList<>();
  RuleDef defaultDef;
  FunctionGroup function;
  private RuleIndex completeIndex;
  private RuleIndex setIndex;

  RuleNode(String path) { this.path = path; }

  boolean definedByRules() {
    return !complete.isEmpty() || defaultDef != null || !partialSet.isEmpty() || !dynamic.isEmpty();
  }

  /** Whether any rule (not function) is defined at or below this node. */
  boolean hasRulesBelow() {
    if (definedByRules()) return true;
    for (RuleNode c : children.values()) if (c.hasRulesBelow()) return true;
    return false;
  }

  /** Builds the rule indexes of this node and the nodes below; called once the plan is complete. */
  void index() {
    completeIndex = RuleIndex.build(complete);
    setIndex = RuleIndex.build(partialSet);
    for (RuleNode c : children.values()) c.index();
  }

  /** The complete definitions worth evaluating for this input. */
  List<RuleDef> completeCandidates(Value input) {
    return completeIndex == null ? complete : completeIndex.candidates(input);
  }

  /** The partial set definitions worth evaluating for this input. */
  List<RuleDef> setCandidates(Value input) {
    return setIndex == null ? partialSet : setIndex.candidates(input);
  }

  /** A node that only names a function: not a document, invisible when data is read. */
  boolean functionOnly() { return function != null && !hasRulesBelow(); }

  RuleNode child(Value key) {
    return children.computeIfAbsent(key, k -> new RuleNode(path + "." + (k instanceof io.exportguard.rego.value.StringValue s ? s.value() : k.toString())));
  }
}
