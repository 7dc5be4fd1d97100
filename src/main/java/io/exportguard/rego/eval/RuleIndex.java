package io.exportguard.rego.eval;

import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the definitions of a rule worth evaluating, OPA-style: definitions whose first literal
 * compares the same constant input path with a constant ({@code input.kind == "x"},
 * {@code input.kind = "x"}) are grouped by that constant, so a lookup of the input's actual value
 * finds the ones whose first literal can hold; the others are always evaluated. The first literal
 * still runs, so the index changes how much work is done, never the result.
 */
final class RuleIndex {
  private final Term[] path;
  private final Map<Value, List<RuleDef>> byValue;
  private final List<RuleDef> always;
  private final List<RuleDef> all;

  private RuleIndex(Term[] path, Map<Value, List<RuleDef>> byValue, List<RuleDef> always, List<RuleDef> all) {
    this.path = path;
    this.byValue = byValue;
    this.always = always;
    this.all = all;
  }

  /** An index over the definitions, or null when too few share an indexable first literal. */
  static RuleIndex build(List<RuleDef> defs) {
    if (defs.size() < 4) return null;
    Map<List<Value>, Integer> pathCounts = new HashMap<>();
    for (RuleDef d : defs) {
      Guard g = guard(d);
      if (g != null) pathCounts.merge(Arrays.asList(Term.constants(g.path)), 1, Integer::sum);
    }
    List<Value> best = null;
    int bestCount = 0;
    for (Map.Entry<List<Value>, Integer> e : pathCounts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    if (best == null || bestCount < 3) return null;
    Term[] path = null;
    Map<Value, List<RuleDef>> byValue = new HashMap<>();
    List<RuleDef> always = new ArrayList<>();
    for (RuleDef d : defs) {
      Guard g = guard(d);
      if (g != null && Arrays.asList(Term.constants(g.path)).equals(best)) {
        path = g.path;
        byValue.computeIfAbsent(g.value, k -> new ArrayList<>()).add(d);
      } else {
        always.add(d);
      }
    }
    return new RuleIndex(path, byValue, always, List.copyOf(defs));
  }

  /** The definitions that may hold for this input, in their original order. */
  List<RuleDef> candidates(Value input) {
    Value actual = input;
    for (Term seg : path) {
      if (actual == null) break;
      actual = Evaluator.select(actual, ((Term.Const) seg).value());
    }
    List<RuleDef> matching = actual == null ? null : byValue.get(actual);
    if (matching == null) return always;
    if (always.isEmpty()) return matching;
    List<RuleDef> out = new ArrayList<>(always.size() + matching.size());
    for (RuleDef d : all) if (always.contains(d) || matching.contains(d)) out.add(d);
    return out;
  }

  private record Guard(Term[] path, Value value) {}

  /** The first literal as {@code input.<constant path> == constant}, or null. */
  private static Guard guard(RuleDef d) {
    if (d.body().literals().length == 0) return null;
    Literal first = d.body().literals()[0];
    if (first.negated() || first.withs().length > 0) return null;
    Term a;
    Term b;
    if (first.expr() instanceof Expr.Unify u) {
      a = u.left();
      b = u.right();
    } else if (first.expr() instanceof Expr.Truthy t && t.term() instanceof Term.Call c
        && c.callee() instanceof Callee.BuiltinCallee bc && bc.name().equals("equal") && c.args().length == 2) {
      a = c.args()[0];
      b = c.args()[1];
    } else {
      return null;
    }
    if (b instanceof Term.InputRef) {
      Term tmp = a;
      a = b;
      b = tmp;
    }
    if (!(a instanceof Term.InputRef in) || !(b instanceof Term.Const c) || in.path().length == 0) return null;
    if (Term.constants(in.path()) == null) return null;
    return new Guard(in.path(), c.value());
  }
}
