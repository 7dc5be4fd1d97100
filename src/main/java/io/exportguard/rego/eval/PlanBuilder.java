package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.compiler.CompiledPolicy;
import io.exportguard.rego.compiler.RuleTree;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the evaluation plan from the compiler's output: the rule tree mirrored, every rule lowered. */
final class PlanBuilder {
  private final BuiltinRegistry builtins;
  private final Map<String, FunctionGroup> functions = new HashMap<>();

  private PlanBuilder(BuiltinRegistry builtins) { this.builtins = builtins; }

  static Plan build(CompiledPolicy policy, Value data, BuiltinRegistry builtins) {
    PlanBuilder b = new PlanBuilder(builtins);
    RuleNode root = new RuleNode("data");
    List<Placed> placed = new ArrayList<>();
    b.mirror(policy.ruleTree(), root, 0, placed);
    for (Placed p : placed) b.add(p);
    root.index();
    return new Plan(root, data, builtins, AnnotationIndex.of(policy.modules()), b.functions);
  }

  /** A rule and the node (at the given depth below data) it sits at. */
  private record Placed(Rule rule, RuleNode node, int depth) {}

  private void mirror(RuleTree tree, RuleNode node, int depth, List<Placed> placed) {
    for (Rule r : tree.rules()) {
      if (r.kind() == RuleKind.FUNCTION) {
        String name = r.head().dottedName();
        FunctionGroup g = functions.computeIfAbsent(name, FunctionGroup::new);
        g.arity = r.args().size();
        node.function = g;
      }
      placed.add(new Placed(r, node, depth));
    }
    for (Map.Entry<Value, RuleTree> e : tree.children().entrySet()) {
      mirror(e.getValue(), node.child(e.getKey()), depth + 1, placed);
    }
  }

  private void add(Placed p) {
    Rule r = p.rule();
    RuleNode node = p.node();
    RuleDef def = lower(r, p.depth(), node.path);
    switch (r.kind()) {
      case COMPLETE -> {
        if (r.isDefault()) node.defaultDef = def;
        else node.complete.add(def);
      }
      case PARTIAL_SET -> {
        if (def.setLeaf()) node.dynamic.add(def);
        else node.partialSet.add(def);
      }
      case PARTIAL_OBJECT -> node.dynamic.add(def);
      case FUNCTION -> {
        if (r.isDefault()) node.function.defaultDef = def;
        else node.function.defs.add(def);
      }
      default -> throw new IllegalStateException("unknown rule kind " + r.kind());
    }
  }

  private RuleDef lower(Rule r, int depth, String path) {
    Lowering low = new Lowering(builtins, functions);
    List<io.exportguard.rego.ast.Term> head = r.head().terms();
    List<io.exportguard.rego.ast.Term> dynamic = head.size() > depth + 1 ? head.subList(depth + 1, head.size()) : List.of();
    Term[] params = r.kind() == RuleKind.FUNCTION ? low.terms(r.args()) : null;
    Term[] key = new Term[0];
    Term value = null;
    boolean setLeaf = false;
    switch (r.kind()) {
      case PARTIAL_SET -> {
        if (dynamic.isEmpty()) {
          key = new Term[] {low.term(r.key())};
        } else {
          key = low.terms(dynamic);
          value = low.term(r.key());
          setLeaf = true;
        }
      }
      case PARTIAL_OBJECT -> {
        key = low.terms(dynamic);
        value = low.term(r.value());
      }
      default -> value = low.term(r.value());
    }
    Body body = low.body(r.body());
    List<Term> headTerms = new ArrayList<>(List.of(key));
    if (params != null) headTerms.addAll(List.of(params));
    if (value != null) headTerms.add(value);
    low.closeComprehensions(headTerms, List.of(body));
    RuleDef elseDef = r.elseRule() == null ? null : lower(r.elseRule(), depth, path);
    Location loc = r.loc();
    return new RuleDef(path, key, value, params, setLeaf, body, low.slotCount(), elseDef, r.annotations(),
        loc.file(), loc.line(), loc.column());
  }
}
