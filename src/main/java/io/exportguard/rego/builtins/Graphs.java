package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** graph.reachable and graph.reachable_paths over an object of node → array/set of neighbours. */
final class Graphs {
  private Graphs() {}

  static void register(BuiltinRegistry r) {
    def(r, "graph.reachable", (ctx, a) -> {
      ObjectValue graph = Args.obj(a, 1);
      ArrayDeque<Value> queue = new ArrayDeque<>(initial(a.get(1)));
      TreeSet<Value> reached = new TreeSet<>();
      while (!queue.isEmpty()) {
        ctx.checkDeadline();
        Value node = queue.poll();
        if (reached.contains(node)) continue;
        Value edges = graph.get(node);
        if (edges == null) continue;
        reached.add(node);
        for (Value n : vertices(edges)) if (!reached.contains(n)) queue.add(n);
      }
      return SetValue.wrap(reached);
    });
    def(r, "graph.reachable_paths", (ctx, a) -> {
      ObjectValue graph = Args.obj(a, 1);
      TreeSet<Value> out = new TreeSet<>();
      for (Value node : initial(a.get(1))) {
        Value edges = graph.get(node);
        if (edges == null) continue;
        List<Value> ns = vertices(edges);
        if (ns.isEmpty()) {
          out.add(ArrayValue.of(node));
          continue;
        }
        for (Value n : ns) {
          paths(ctx, graph, n, new ArrayList<>(List.of(node)), out, new HashSet<>(Set.of(node)));
        }
      }
      return SetValue.wrap(out);
    });
  }

  private static List<Value> initial(Value v) {
    if (v instanceof ArrayValue x) return x.items();
    if (v instanceof SetValue x) return new ArrayList<>(x.items());
    throw Args.typeError(2, v, "{array, set}");
  }

  private static List<Value> vertices(Value v) {
    if (v instanceof ArrayValue x) return x.items();
    if (v instanceof SetValue x) return new ArrayList<>(x.items());
    return Collections.emptyList();
  }

  private static void paths(BuiltinContext ctx, ObjectValue graph, Value root, List<Value> path, TreeSet<Value> out,
                            Set<Value> reached) {
    ctx.checkDeadline();
    Value edges = graph.get(root);
    if (edges == null) {
      out.add(ArrayValue.of(path));
      return;
    }
    List<Value> here = new ArrayList<>(path);
    here.add(root);
    List<Value> ns = vertices(edges);
    if (ns.isEmpty()) {
      out.add(ArrayValue.of(here));
      return;
    }
    // One visited set is shared by the whole walk from an initial node's neighbour, as OPA's
    // conformance cases expect: a node reached through an earlier sibling ends later paths.
    reached.add(root);
    for (Value n : ns) {
      if (reached.contains(n)) out.add(ArrayValue.of(here));
      else paths(ctx, graph, n, here, out, reached);
    }
  }
}
