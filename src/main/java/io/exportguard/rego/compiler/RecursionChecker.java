package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 6: no rule may depend on itself, directly or through other rules. A rule depends on the
 * rule-tree nodes its {@code data} refs and function calls can reach.
 */
final class RecursionChecker {
  private final RuleTree root;
  private final Errors errors;
  private final Map<RuleTree, Set<RuleTree>> edges = new IdentityHashMap<>();
  private final Map<RuleTree, String> names = new IdentityHashMap<>();
  private final Map<RuleTree, Rule> firstRule = new IdentityHashMap<>();
  /** Nodes with rules in tree order, so errors come out in a stable order. */
  private final List<RuleTree> order = new ArrayList<>();

  RecursionChecker(RuleTree root, Errors errors) {
    this.root = root;
    this.errors = errors;
  }

  void check() {
    index(root, "data");
    Map<RuleTree, Integer> state = new IdentityHashMap<>();
    Set<String> reported = new java.util.HashSet<>();
    for (RuleTree n : order) {
      if (!state.containsKey(n)) dfs(n, state, new ArrayList<>(), reported);
    }
  }

  private void index(RuleTree n, String name) {
    names.put(n, name);
    if (!n.rules().isEmpty()) {
      Set<RuleTree> deps = new LinkedHashSet<>();
      for (Rule r : n.rules()) {
        firstRule.putIfAbsent(n, r);
        for (Rule x = r; x != null; x = x.elseRule()) collect(x, deps);
      }
      edges.put(n, deps);
      order.add(n);
    }
    for (Map.Entry<Value, RuleTree> c : n.children().entrySet()) {
      Value k = c.getKey();
      String part = k instanceof io.exportguard.rego.value.StringValue s && RuleTreeBuilder.IDENT.matcher(s.value()).matches()
          ? "." + s.value() : "[" + k.toJson() + "]";
      index(c.getValue(), name + part);
    }
  }

  private void collect(Rule r, Set<RuleTree> deps) {
    Transformer t = new Transformer() {
      @Override
      Term ref(Ref ref) {
        target(ref, deps);
        return super.ref(ref);
      }

      @Override
      Term call(Call c) {
        target(c.operator(), deps);
        return super.call(c);
      }

      @Override
      io.exportguard.rego.ast.Ref withTarget(Ref target) { return target; }
    };
    t.terms(r.args());
    if (r.key() != null) t.term(r.key());
    if (r.value() != null) t.term(r.value());
    for (int i = 1; i < r.head().size(); i++) t.term(r.head().get(i));
    t.body(r.body());
  }

  /**
   * The rules a data ref can reach, as OPA's dynamic rule lookup finds them: rules on the path
   * (whose documents the ref selects into), every child where a key is not a constant, and all of
   * the document where the ref ends.
   */
  private void target(Ref ref, Set<RuleTree> deps) {
    if ("data".equals(ref.headName())) reach(root, ref, 1, deps);
  }

  private void reach(RuleTree n, Ref ref, int i, Set<RuleTree> deps) {
    if (i == ref.size()) {
      addSubtree(n, deps);
      return;
    }
    if (!n.rules().isEmpty()) deps.add(n);
    if (ref.get(i) instanceof Scalar s) {
      RuleTree c = n.child(s.value());
      if (c != null) reach(c, ref, i + 1, deps);
      return;
    }
    for (RuleTree c : n.children().values()) reach(c, ref, i + 1, deps);
  }

  private static void addSubtree(RuleTree n, Set<RuleTree> deps) {
    if (!n.rules().isEmpty()) deps.add(n);
    for (RuleTree c : n.children().values()) addSubtree(c, deps);
  }

  /** Depth-first search with an explicit stack: a chain of thousands of rules must not overflow the Java stack. */
  private void dfs(RuleTree root, Map<RuleTree, Integer> state, List<RuleTree> stack, Set<String> reported) {
    java.util.ArrayDeque<java.util.Iterator<RuleTree>> pending = new java.util.ArrayDeque<>();
    state.put(root, 1);
    stack.add(root);
    pending.push(edges.getOrDefault(root, Set.of()).iterator());
    while (!pending.isEmpty()) {
      java.util.Iterator<RuleTree> it = pending.peek();
      if (!it.hasNext()) {
        pending.pop();
        state.put(stack.remove(stack.size() - 1), 2);
        continue;
      }
      RuleTree d = it.next();
      Integer s = state.get(d);
      if (s == null) {
        state.put(d, 1);
        stack.add(d);
        pending.push(edges.getOrDefault(d, Set.of()).iterator());
      } else if (s == 1) {
        reportCycle(new ArrayList<>(stack.subList(stack.indexOf(d), stack.size())), reported);
      }
    }
  }

  /** Every rule on the cycle is recursive; each is reported once, its path starting from itself (as OPA does). */
  private void reportCycle(List<RuleTree> cycle, Set<String> reported) {
    for (int i = 0; i < cycle.size(); i++) {
      if (errors.count() >= Errors.MAX) return;
      RuleTree start = cycle.get(i);
      if (!reported.add(names.get(start))) continue;
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < cycle.size(); j++) sb.append(names.get(cycle.get((i + j) % cycle.size()))).append(" -> ");
      sb.append(names.get(start));
      errors.add(Errors.RECURSION, "rule " + names.get(start) + " is recursive: " + sb, firstRule.get(start).loc());
    }
  }
}
