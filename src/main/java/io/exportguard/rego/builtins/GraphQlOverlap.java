package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GraphQlAst.Argument;
import io.exportguard.rego.builtins.GraphQlAst.Field;
import io.exportguard.rego.builtins.GraphQlAst.FragmentSpread;
import io.exportguard.rego.builtins.GraphQlAst.InlineFragment;
import io.exportguard.rego.builtins.GraphQlAst.Position;
import io.exportguard.rego.builtins.GraphQlAst.Selection;
import io.exportguard.rego.builtins.GraphQlAst.Type;
import io.exportguard.rego.builtins.GraphQlValidator.Events;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The spec's "Field Selection Merging" rule: fields with the same response name must be the same
 * field with the same arguments (unless their parents can never be the same object) and must return
 * compatible types, looking through fragments. Follows gqlparser's algorithm, which compares fields
 * within each selection set, then between the set and each fragment it spreads, then between
 * fragments, remembering fragment pairs already compared.
 */
final class GraphQlOverlap {
  private final Map<String, Map<String, Boolean>> comparedPairs = new HashMap<>();
  private Set<String> comparedFragments = new HashSet<>();
  private GraphQlValidator walker;

  private GraphQlOverlap() {}

  /** A conflict between two fields of one response name; nested conflicts explain the reason. */
  private record Conflict(String responseName, String message, List<Conflict> sub, Position position) {
    void describe(StringBuilder sb) {
      if (sub.isEmpty()) {
        sb.append(message);
        return;
      }
      for (int i = 0; i < sub.size(); i++) {
        if (i > 0) sb.append(" and ");
        sb.append("subfields \"").append(sub.get(i).responseName).append("\" conflict because ");
        sub.get(i).describe(sb);
      }
    }

    GraphQlError error() {
      StringBuilder sb = new StringBuilder();
      describe(sb);
      return new GraphQlError(position, "Fields \"" + responseName + "\" conflict because " + sb
          + ". Use different aliases on the fields to fetch both if this was intentional.");
    }
  }

  /** Fields by response name in first-seen order, and the fragment spreads, of one selection set. */
  private record Collected(LinkedHashMap<String, List<Field>> fields, List<FragmentSpread> spreads) {}

  static void register(Events on, Consumer<GraphQlError> report) {
    GraphQlOverlap m = new GraphQlOverlap();
    on.operation.add((w, op) -> m.reportWithin(w, op.selectionSet, report));
    on.field.add((w, field) -> {
      if (w.currentOperation != null) m.reportWithin(w, field.selectionSet, report);
    });
    on.inlineFragment.add((w, inline) -> m.reportWithin(w, inline.selectionSet, report));
    on.fragment.add((w, fragment) -> m.reportWithin(w, fragment.selectionSet, report));
  }

  private void reportWithin(GraphQlValidator w, List<Selection> set, Consumer<GraphQlError> report) {
    walker = w;
    for (Conflict c : conflictsWithin(set)) report.accept(c.error());
  }

  private List<Conflict> conflictsWithin(List<Selection> set) {
    List<Conflict> conflicts = new ArrayList<>();
    if (set.isEmpty()) return conflicts;
    Collected c = collect(set);
    for (List<Field> fields : c.fields.values()) {
      for (int i = 0; i < fields.size(); i++) {
        for (int j = i + 1; j < fields.size(); j++) addIfPresent(conflicts, findConflict(false, fields.get(i), fields.get(j)));
      }
    }
    comparedFragments = new HashSet<>();
    for (int i = 0; i < c.spreads.size(); i++) {
      betweenFieldsAndFragment(conflicts, false, c.fields, c.spreads.get(i));
      for (int j = i + 1; j < c.spreads.size(); j++) betweenFragments(conflicts, false, c.spreads.get(i), c.spreads.get(j));
    }
    return conflicts;
  }

  private static void addIfPresent(List<Conflict> into, Conflict c) {
    if (c != null) into.add(c);
  }

  private void betweenFieldsAndFragment(List<Conflict> conflicts, boolean exclusive,
                                        LinkedHashMap<String, List<Field>> fields, FragmentSpread spread) {
    if (!comparedFragments.add(spread.name) || spread.definition == null) return;
    Collected b = collect(spread.definition.selectionSet);
    if (sameFields(fields, b.fields)) return;
    between(conflicts, exclusive, fields, b.fields);
    for (FragmentSpread inner : b.spreads) {
      if (!inner.name.equals(spread.name)) betweenFieldsAndFragment(conflicts, exclusive, fields, inner);
    }
  }

  private static boolean sameFields(Map<String, List<Field>> a, Map<String, List<Field>> b) {
    if (!a.keySet().equals(b.keySet())) return false;
    for (Map.Entry<String, List<Field>> e : a.entrySet()) {
      List<Field> x = e.getValue();
      List<Field> y = b.get(e.getKey());
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (x.get(i) != y.get(i)) return false;
    }
    return true;
  }

  private void betweenFragments(List<Conflict> conflicts, boolean exclusive, FragmentSpread a, FragmentSpread b) {
    if (a.name.equals(b.name) || pairCompared(a.name, b.name, exclusive)) return;
    markPair(a.name, b.name, exclusive);
    if (a.definition == null || b.definition == null) return;
    Collected ca = collect(a.definition.selectionSet);
    Collected cb = collect(b.definition.selectionSet);
    between(conflicts, exclusive, ca.fields, cb.fields);
    for (FragmentSpread s : cb.spreads) betweenFragments(conflicts, exclusive, a, s);
    for (FragmentSpread s : ca.spreads) betweenFragments(conflicts, exclusive, s, b);
  }

  private boolean pairCompared(String a, String b, boolean exclusive) {
    Map<String, Boolean> m = comparedPairs.get(a);
    Boolean recorded = m == null ? null : m.get(b);
    if (recorded == null) return false;
    return exclusive || !recorded;
  }

  private void markPair(String a, String b, boolean exclusive) {
    comparedPairs.computeIfAbsent(a, k -> new HashMap<>()).put(b, exclusive);
    comparedPairs.computeIfAbsent(b, k -> new HashMap<>()).put(a, exclusive);
  }

  private List<Conflict> betweenSubSelections(boolean exclusive, List<Selection> a, List<Selection> b) {
    List<Conflict> conflicts = new ArrayList<>();
    Collected ca = collect(a);
    Collected cb = collect(b);
    between(conflicts, exclusive, ca.fields, cb.fields);
    for (FragmentSpread s : cb.spreads) {
      comparedFragments = new HashSet<>();
      betweenFieldsAndFragment(conflicts, exclusive, ca.fields, s);
    }
    for (FragmentSpread s : ca.spreads) {
      comparedFragments = new HashSet<>();
      betweenFieldsAndFragment(conflicts, exclusive, cb.fields, s);
    }
    for (FragmentSpread sa : ca.spreads) {
      for (FragmentSpread sb : cb.spreads) betweenFragments(conflicts, exclusive, sa, sb);
    }
    return conflicts;
  }

  private void between(List<Conflict> conflicts, boolean exclusive, Map<String, List<Field>> a, Map<String, List<Field>> b) {
    for (Map.Entry<String, List<Field>> e : a.entrySet()) {
      List<Field> others = b.get(e.getKey());
      if (others == null) continue;
      for (Field fa : e.getValue()) {
        for (Field fb : others) addIfPresent(conflicts, findConflict(exclusive, fa, fb));
      }
    }
  }

  private Conflict findConflict(boolean parentsExclusive, Field a, Field b) {
    if (a.objectDefinition == null || b.objectDefinition == null) return null;
    boolean exclusive = parentsExclusive
        || (!a.objectDefinition.name.equals(b.objectDefinition.name)
            && a.objectDefinition.kind.equals(GraphQlAst.OBJECT) && b.objectDefinition.kind.equals(GraphQlAst.OBJECT)
            && a.definition != null && b.definition != null);
    String responseName = a.responseName();
    if (!exclusive) {
      if (!a.name.equals(b.name)) {
        return new Conflict(responseName, "\"" + a.name + "\" and \"" + b.name + "\" are different fields", List.of(), b.position);
      }
      if (!sameArguments(a.arguments, b.arguments)) {
        return new Conflict(responseName, "they have differing arguments", List.of(), b.position);
      }
    }
    if (a.definition != null && b.definition != null && typesConflict(a.definition.type, b.definition.type)) {
      return new Conflict(responseName, "they return conflicting types \"" + a.definition.type + "\" and \""
          + b.definition.type + "\"", List.of(), b.position);
    }
    List<Conflict> sub = betweenSubSelections(exclusive, a.selectionSet, b.selectionSet);
    return sub.isEmpty() ? null : new Conflict(responseName, "", sub, b.position);
  }

  private static boolean sameArguments(List<Argument> a, List<Argument> b) {
    if (a.size() != b.size()) return false;
    for (Argument x : a) {
      boolean matched = false;
      for (Argument y : b) {
        if (x.name.equals(y.name) && x.value.kind == y.value.kind && x.value.raw.equals(y.value.raw)) {
          matched = true;
          break;
        }
      }
      if (!matched) return false;
    }
    return true;
  }

  private boolean typesConflict(Type t1, Type t2) {
    if (t1.elem != null) return t2.elem == null || typesConflict(t1.elem, t2.elem);
    if (t2.elem != null) return true;
    if (t1.nonNull != t2.nonNull) return true;
    GraphQlAst.Definition d1 = walker.schema.types.get(t1.namedType);
    GraphQlAst.Definition d2 = walker.schema.types.get(t2.namedType);
    if (d1 == null || d2 == null) return false;
    if (d1.isLeafType() && d2.isLeafType()) return !d1.name.equals(d2.name);
    return false;
  }

  private static Collected collect(List<Selection> set) {
    Collected c = new Collected(new LinkedHashMap<>(), new ArrayList<>());
    collectInto(set, c);
    return c;
  }

  private static void collectInto(List<Selection> set, Collected c) {
    for (Selection s : set) {
      if (s instanceof Field f) c.fields.computeIfAbsent(f.responseName(), k -> new ArrayList<>()).add(f);
      else if (s instanceof InlineFragment inline) collectInto(inline.selectionSet, c);
      else if (s instanceof FragmentSpread spread) c.spreads.add(spread);
    }
  }
}
