package io.exportguard.rego.builtins;

import io.exportguard.rego.builtins.GraphQlAst.Argument;
import io.exportguard.rego.builtins.GraphQlAst.ArgumentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.ChildValue;
import io.exportguard.rego.builtins.GraphQlAst.Definition;
import io.exportguard.rego.builtins.GraphQlAst.Directive;
import io.exportguard.rego.builtins.GraphQlAst.Field;
import io.exportguard.rego.builtins.GraphQlAst.FieldDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FragmentDefinition;
import io.exportguard.rego.builtins.GraphQlAst.FragmentSpread;
import io.exportguard.rego.builtins.GraphQlAst.InlineFragment;
import io.exportguard.rego.builtins.GraphQlAst.Position;
import io.exportguard.rego.builtins.GraphQlAst.Selection;
import io.exportguard.rego.builtins.GraphQlAst.Type;
import io.exportguard.rego.builtins.GraphQlAst.Value;
import io.exportguard.rego.builtins.GraphQlAst.ValueKind;
import io.exportguard.rego.builtins.GraphQlAst.VariableDefinition;
import io.exportguard.rego.builtins.GraphQlValidator.Events;
import io.exportguard.rego.builtins.GraphQlValidator.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The query validation rules of the GraphQL spec (section 5) with gqlparser's messages, one method
 * per rule. {@link #ALL} lists them in gqlparser's registration order, which decides the order of
 * errors within one walk event.
 */
final class GraphQlRules {
  private GraphQlRules() {}

  /** Rule name (gqlparser's) to rule, in registration order. */
  static final List<Map.Entry<String, Rule>> ALL = List.of(
      rule("FieldsOnCorrectType", GraphQlRules::fieldsOnCorrectType),
      rule("FragmentsOnCompositeTypes", GraphQlRules::fragmentsOnCompositeTypes),
      rule("KnownArgumentNames", GraphQlRules::knownArgumentNames),
      rule("KnownDirectives", GraphQlRules::knownDirectives),
      rule("KnownFragmentNames", GraphQlRules::knownFragmentNames),
      rule("KnownRootType", GraphQlRules::knownRootType),
      rule("KnownTypeNames", GraphQlRules::knownTypeNames),
      rule("LoneAnonymousOperation", GraphQlRules::loneAnonymousOperation),
      rule("NoFragmentCycles", GraphQlRules::noFragmentCycles),
      rule("NoUndefinedVariables", GraphQlRules::noUndefinedVariables),
      rule("NoUnusedFragments", GraphQlRules::noUnusedFragments),
      rule("NoUnusedVariables", GraphQlRules::noUnusedVariables),
      rule("OverlappingFieldsCanBeMerged", GraphQlOverlap::register),
      rule("PossibleFragmentSpreads", GraphQlRules::possibleFragmentSpreads),
      rule("ProvidedRequiredArguments", GraphQlRules::providedRequiredArguments),
      rule("ScalarLeafs", GraphQlRules::scalarLeafs),
      rule("SingleFieldSubscriptions", GraphQlRules::singleFieldSubscriptions),
      rule("UniqueArgumentNames", GraphQlRules::uniqueArgumentNames),
      rule("UniqueDirectivesPerLocation", GraphQlRules::uniqueDirectivesPerLocation),
      rule("UniqueFragmentNames", GraphQlRules::uniqueFragmentNames),
      rule("UniqueInputFieldNames", GraphQlRules::uniqueInputFieldNames),
      rule("UniqueOperationNames", GraphQlRules::uniqueOperationNames),
      rule("UniqueVariableNames", GraphQlRules::uniqueVariableNames),
      rule("ValuesOfCorrectType", GraphQlRules::valuesOfCorrectType),
      rule("VariablesAreInputTypes", GraphQlRules::variablesAreInputTypes),
      rule("VariablesInAllowedPosition", GraphQlRules::variablesInAllowedPosition));

  private static Map.Entry<String, Rule> rule(String name, Rule rule) { return Map.entry(name, rule); }

  private static GraphQlError at(Position p, String message) { return new GraphQlError(p, message); }

  static void fieldsOnCorrectType(Events on, Consumer<GraphQlError> report) {
    on.field.add((w, field) -> {
      if (field.objectDefinition == null || field.definition != null) return;
      String message = "Cannot query field \"" + field.name + "\" on type \"" + field.objectDefinition.name + "\".";
      List<String> types = suggestedTypeNames(w, field.objectDefinition, field.name);
      if (!types.isEmpty()) {
        message += " Did you mean to use an inline fragment on " + quotedOrList(types) + "?";
      } else {
        List<String> fields = suggestedFieldNames(field.objectDefinition, field.name);
        if (!fields.isEmpty()) message += " Did you mean " + quotedOrList(fields) + "?";
      }
      report.accept(at(field.position, message));
    });
  }

  /** Implementations and interfaces of an abstract type that have the field, interfaces used most first. */
  private static List<String> suggestedTypeNames(GraphQlValidator w, Definition parent, String name) {
    if (!parent.isAbstractType()) return List.of();
    List<String> objects = new ArrayList<>();
    List<String> interfaces = new ArrayList<>();
    Map<String, Integer> usage = new HashMap<>();
    for (Definition possible : w.schema.possibleTypes(parent)) {
      if (possible.field(name) == null) continue;
      objects.add(possible.name);
      for (String intfName : possible.interfaces) {
        Definition intf = w.schema.types.get(intfName);
        if (intf != null && intf.field(name) != null) {
          if (!usage.containsKey(intfName)) interfaces.add(intfName);
          usage.merge(intfName, 1, Integer::sum);
        }
      }
    }
    List<String> all = new ArrayList<>(interfaces);
    all.addAll(objects);
    all.sort(Comparator.<String>comparingInt(t -> -usage.getOrDefault(t, 0)).thenComparing(Comparator.naturalOrder()));
    return all;
  }

  private static List<String> suggestedFieldNames(Definition parent, String name) {
    if (!parent.kind.equals(GraphQlAst.OBJECT) && !parent.kind.equals(GraphQlAst.INTERFACE)) return List.of();
    List<String> names = new ArrayList<>();
    for (FieldDefinition f : parent.fields) names.add(f.name);
    return suggestionList(name, names);
  }

  static void fragmentsOnCompositeTypes(Events on, Consumer<GraphQlError> report) {
    on.inlineFragment.add((w, inline) -> {
      Definition type = w.schema.types.get(inline.typeCondition);
      if (type == null || type.isCompositeType()) return;
      report.accept(at(inline.position, "Fragment cannot condition on non composite type \"" + inline.typeCondition + "\"."));
    });
    on.fragment.add((w, fragment) -> {
      if (fragment.definition == null || fragment.typeCondition.isEmpty() || fragment.definition.isCompositeType()) return;
      report.accept(at(fragment.position, "Fragment \"" + fragment.name + "\" cannot condition on non composite type \""
          + fragment.typeCondition + "\"."));
    });
  }

  static void knownArgumentNames(Events on, Consumer<GraphQlError> report) {
    on.field.add((w, field) -> {
      if (field.definition == null || field.objectDefinition == null) return;
      for (Argument arg : field.arguments) {
        if (field.definition.argument(arg.name) != null) continue;
        report.accept(at(field.position, "Unknown argument \"" + arg.name + "\" on field \"" + field.objectDefinition.name
            + "." + field.name + "\"." + suggest("Did you mean", arg.name, names(field.definition.arguments), true)));
      }
    });
    on.directive.add((w, dir) -> {
      if (dir.definition == null) return;
      for (Argument arg : dir.arguments) {
        if (dir.definition.argument(arg.name) != null) continue;
        report.accept(at(dir.position, "Unknown argument \"" + arg.name + "\" on directive \"@" + dir.name + "\"."
            + suggest("Did you mean", arg.name, names(dir.definition.arguments), true)));
      }
    });
  }

  private static List<String> names(List<ArgumentDefinition> args) {
    List<String> out = new ArrayList<>();
    for (ArgumentDefinition a : args) out.add(a.name);
    return out;
  }

  static void knownDirectives(Events on, Consumer<GraphQlError> report) {
    Set<String> seen = new HashSet<>();
    on.directive.add((w, dir) -> {
      if (dir.definition == null) {
        report.accept(at(dir.position, "Unknown directive \"@" + dir.name + "\"."));
        return;
      }
      if (dir.definition.locations.contains(dir.location)) return;
      String key = dir.name + "@" + (dir.position == null ? "" : dir.position.line() + ":" + dir.position.column());
      if (seen.add(key)) {
        report.accept(at(dir.position, "Directive \"@" + dir.name + "\" may not be used on " + dir.location + "."));
      }
    });
  }

  static void knownFragmentNames(Events on, Consumer<GraphQlError> report) {
    on.fragmentSpread.add((w, spread) -> {
      if (spread.definition == null) report.accept(at(spread.position, "Unknown fragment \"" + spread.name + "\"."));
    });
  }

  static void knownRootType(Events on, Consumer<GraphQlError> report) {
    on.operation.add((w, op) -> {
      if (w.schema.root(op.operation) == null) {
        report.accept(at(op.position, "Schema does not support operation type \"" + op.operation + "\""));
      }
    });
  }

  static void knownTypeNames(Events on, Consumer<GraphQlError> report) {
    on.variable.add((w, v) -> {
      String name = v.type.name();
      if (!w.schema.types.containsKey(name)) report.accept(at(v.position, "Unknown type \"" + name + "\"."));
    });
    on.inlineFragment.add((w, inline) -> {
      String name = inline.typeCondition;
      if (!name.isEmpty() && !w.schema.types.containsKey(name)) report.accept(at(inline.position, "Unknown type \"" + name + "\"."));
    });
    on.fragment.add((w, fragment) -> {
      String name = fragment.typeCondition;
      if (w.schema.types.containsKey(name)) return;
      report.accept(at(fragment.position, "Unknown type \"" + name + "\"."
          + suggest("Did you mean", name, new ArrayList<>(w.schema.types.keySet()), true)));
    });
  }

  static void loneAnonymousOperation(Events on, Consumer<GraphQlError> report) {
    on.operation.add((w, op) -> {
      if (op.name.isEmpty() && w.document.operations.size() > 1) {
        report.accept(at(op.position, "This anonymous operation must be the only defined operation."));
      }
    });
  }

  static void noFragmentCycles(Events on, Consumer<GraphQlError> report) {
    Set<String> visited = new HashSet<>();
    on.fragment.add((w, fragment) -> new Object() {
      final List<FragmentSpread> path = new ArrayList<>();
      final Map<String, Integer> indexByName = new HashMap<>();

      void visit(FragmentDefinition f) {
        if (!visited.add(f.name)) return;
        List<FragmentSpread> spreads = fragmentSpreads(f.selectionSet);
        if (spreads.isEmpty()) return;
        indexByName.put(f.name, path.size());
        for (FragmentSpread spread : spreads) {
          Integer cycleIndex = indexByName.get(spread.name);
          path.add(spread);
          if (cycleIndex == null) {
            FragmentDefinition target = w.document.fragment(spread.name);
            if (target != null) visit(target);
          } else {
            List<String> via = new ArrayList<>();
            for (FragmentSpread s : path.subList(cycleIndex, path.size() - 1)) via.add("\"" + s.name + "\"");
            report.accept(at(spread.position, "Cannot spread fragment \"" + spread.name + "\" within itself"
                + (via.isEmpty() ? "" : " via " + String.join(", ", via)) + "."));
          }
          path.remove(path.size() - 1);
        }
        indexByName.remove(f.name);
      }
    }.visit(fragment));
  }

  /** The fragment spreads anywhere in a selection set (depth-first from the last set, as gqlparser). */
  private static List<FragmentSpread> fragmentSpreads(List<Selection> set) {
    List<FragmentSpread> spreads = new ArrayList<>();
    List<List<Selection>> toVisit = new ArrayList<>();
    toVisit.add(set);
    while (!toVisit.isEmpty()) {
      for (Selection s : toVisit.remove(toVisit.size() - 1)) {
        if (s instanceof FragmentSpread spread) spreads.add(spread);
        else if (s instanceof Field f) toVisit.add(f.selectionSet);
        else if (s instanceof InlineFragment inline) toVisit.add(inline.selectionSet);
      }
    }
    return spreads;
  }

  static void noUndefinedVariables(Events on, Consumer<GraphQlError> report) {
    on.value.add((w, value) -> {
      if (w.currentOperation == null || value.kind != ValueKind.VARIABLE || value.variableDefinition != null) return;
      String name = w.currentOperation.name;
      report.accept(at(value.position, "Variable \"" + value + "\" is not defined"
          + (name.isEmpty() ? "." : " by operation \"" + name + "\".")));
    });
  }

  static void noUnusedFragments(Events on, Consumer<GraphQlError> report) {
    boolean[] inFragmentDefinition = {false};
    Set<String> used = new HashSet<>();
    on.fragmentSpread.add((w, spread) -> {
      if (!inFragmentDefinition[0]) used.add(spread.name);
    });
    on.fragment.add((w, fragment) -> {
      inFragmentDefinition[0] = true;
      if (!used.contains(fragment.name)) report.accept(at(fragment.position, "Fragment \"" + fragment.name + "\" is never used."));
    });
  }

  static void noUnusedVariables(Events on, Consumer<GraphQlError> report) {
    on.operation.add((w, op) -> {
      for (VariableDefinition v : op.variableDefinitions) {
        if (v.used) continue;
        report.accept(at(v.position, "Variable \"$" + v.variable + "\" is never used"
            + (op.name.isEmpty() ? "." : " in operation \"" + op.name + "\".")));
      }
    });
  }

  static void possibleFragmentSpreads(Events on, Consumer<GraphQlError> report) {
    on.inlineFragment.add((w, inline) -> {
      if (!canSpread(w, inline.objectDefinition, inline.typeCondition)) {
        report.accept(at(inline.position, "Fragment cannot be spread here as objects of type \""
            + inline.objectDefinition.name + "\" can never be of type \"" + inline.typeCondition + "\"."));
      }
    });
    on.fragmentSpread.add((w, spread) -> {
      if (spread.definition == null) return;
      if (!canSpread(w, spread.objectDefinition, spread.definition.typeCondition)) {
        report.accept(at(spread.position, "Fragment \"" + spread.name + "\" cannot be spread here as objects of type \""
            + spread.objectDefinition.name + "\" can never be of type \"" + spread.definition.typeCondition + "\"."));
      }
    });
  }

  /** False only when the parent type and the fragment's type share no possible object type. */
  private static boolean canSpread(GraphQlValidator w, Definition parent, String fragmentType) {
    if (parent == null) return true;
    List<Definition> parents;
    if (parent.kind.equals(GraphQlAst.OBJECT)) parents = List.of(parent);
    else if (parent.isAbstractType()) parents = w.schema.possibleTypes(parent);
    else return true;
    Definition fragmentDef = w.schema.types.get(fragmentType);
    if (fragmentDef == null || !fragmentDef.isCompositeType()) return true;
    for (Definition candidate : w.schema.possibleTypes(fragmentDef)) {
      for (Definition p : parents) if (p.name.equals(candidate.name)) return true;
    }
    return false;
  }

  static void providedRequiredArguments(Events on, Consumer<GraphQlError> report) {
    on.field.add((w, field) -> {
      if (field.definition == null) return;
      for (ArgumentDefinition argDef : field.definition.arguments) {
        if (!argDef.type.nonNull || argDef.defaultValue != null || hasArgument(field.arguments, argDef.name)) continue;
        report.accept(at(field.position, "Field \"" + field.name + "\" argument \"" + argDef.name + "\" of type \""
            + argDef.type + "\" is required, but it was not provided."));
      }
    });
    on.directive.add((w, dir) -> {
      if (dir.definition == null) return;
      for (ArgumentDefinition argDef : dir.definition.arguments) {
        if (!argDef.type.nonNull || argDef.defaultValue != null || hasArgument(dir.arguments, argDef.name)) continue;
        report.accept(at(dir.position, "Directive \"@" + dir.definition.name + "\" argument \"" + argDef.name
            + "\" of type \"" + argDef.type + "\" is required, but it was not provided."));
      }
    });
  }

  private static boolean hasArgument(List<Argument> args, String name) {
    for (Argument a : args) if (a.name.equals(name)) return true;
    return false;
  }

  static void scalarLeafs(Events on, Consumer<GraphQlError> report) {
    on.field.add((w, field) -> {
      if (field.definition == null) return;
      Definition type = w.schema.types.get(field.definition.type.name());
      if (type == null) return;
      if (type.isLeafType() && !field.selectionSet.isEmpty()) {
        report.accept(at(field.position, "Field \"" + field.name + "\" must not have a selection since type \""
            + type.name + "\" has no subfields."));
      }
      if (!type.isLeafType() && field.selectionSet.isEmpty()) {
        report.accept(at(field.position, "Field \"" + field.name + "\" of type \"" + field.definition.type
            + "\" must have a selection of subfields. Did you mean \"" + field.name + " { ... }\"?"));
      }
    });
  }

  static void singleFieldSubscriptions(Events on, Consumer<GraphQlError> report) {
    on.operation.add((w, op) -> {
      if (w.schema.subscription == null || !op.operation.equals("subscription")) return;
      Map<String, Position> fields = new LinkedHashMap<>();
      collectTopFields(op.selectionSet, fields, new HashSet<>());
      String name = op.name.isEmpty() ? "Anonymous Subscription" : "Subscription " + GoFmt.quoteString(op.name);
      List<Map.Entry<String, Position>> list = new ArrayList<>(fields.entrySet());
      if (list.size() > 1) report.accept(at(list.get(1).getValue(), name + " must select only one top level field."));
      for (Map.Entry<String, Position> f : list) {
        if (f.getKey().startsWith("__")) report.accept(at(f.getValue(), name + " must not select an introspection top level field."));
      }
    });
  }

  /** Top-level field names (first occurrence wins), looking through inline fragments and spreads. */
  private static void collectTopFields(List<Selection> set, Map<String, Position> into, Set<String> inFragment) {
    for (Selection s : set) {
      if (s instanceof Field f) {
        into.putIfAbsent(f.name, f.position);
      } else if (s instanceof InlineFragment inline) {
        collectTopFields(inline.selectionSet, into, inFragment);
      } else if (s instanceof FragmentSpread spread) {
        // gqlparser stops scanning this selection set at a spread of an unknown fragment
        if (spread.definition == null) return;
        if (inFragment.add(spread.definition.name)) collectTopFields(spread.definition.selectionSet, into, inFragment);
      }
    }
  }

  static void uniqueArgumentNames(Events on, Consumer<GraphQlError> report) {
    on.field.add((w, field) -> uniqueArguments(field.arguments, report));
    on.directive.add((w, dir) -> uniqueArguments(dir.arguments, report));
  }

  private static void uniqueArguments(List<Argument> args, Consumer<GraphQlError> report) {
    Map<String, Integer> seen = new HashMap<>();
    for (Argument arg : args) {
      if (seen.merge(arg.name, 1, Integer::sum) == 2) {
        report.accept(at(arg.position, "There can be only one argument named \"" + arg.name + "\"."));
      }
    }
  }

  static void uniqueDirectivesPerLocation(Events on, Consumer<GraphQlError> report) {
    on.directiveList.add((w, dirs) -> {
      Set<String> seen = new HashSet<>();
      for (Directive dir : dirs) {
        if (!dir.name.equals("repeatable") && seen.contains(dir.name)) {
          report.accept(at(dir.position, "The directive \"@" + dir.name + "\" can only be used once at this location."));
        }
        seen.add(dir.name);
      }
    });
  }

  static void uniqueFragmentNames(Events on, Consumer<GraphQlError> report) {
    Set<String> seen = new HashSet<>();
    on.fragment.add((w, fragment) -> {
      if (!seen.add(fragment.name)) report.accept(at(fragment.position, "There can be only one fragment named \"" + fragment.name + "\"."));
    });
  }

  static void uniqueInputFieldNames(Events on, Consumer<GraphQlError> report) {
    on.value.add((w, value) -> {
      if (value.kind != ValueKind.OBJECT) return;
      Set<String> seen = new HashSet<>();
      for (ChildValue child : value.children) {
        if (!seen.add(child.name)) report.accept(at(child.position, "There can be only one input field named \"" + child.name + "\"."));
      }
    });
  }

  static void uniqueOperationNames(Events on, Consumer<GraphQlError> report) {
    Set<String> seen = new HashSet<>();
    on.operation.add((w, op) -> {
      if (!seen.add(op.name)) report.accept(at(op.position, "There can be only one operation named \"" + op.name + "\"."));
    });
  }

  static void uniqueVariableNames(Events on, Consumer<GraphQlError> report) {
    on.operation.add((w, op) -> {
      Map<String, Integer> seen = new HashMap<>();
      for (VariableDefinition v : op.variableDefinitions) {
        if (seen.merge(v.variable, 1, Integer::sum) == 2) {
          report.accept(at(v.position, "There can be only one variable named \"$" + v.variable + "\"."));
        }
      }
    });
  }

  static void valuesOfCorrectType(Events on, Consumer<GraphQlError> report) {
    on.value.add((w, value) -> GraphQlValueRule.check(value, report));
  }

  static void variablesAreInputTypes(Events on, Consumer<GraphQlError> report) {
    on.operation.add((w, op) -> {
      for (VariableDefinition v : op.variableDefinitions) {
        if (v.definition != null && !v.definition.isInputType()) {
          report.accept(at(v.position, "Variable \"$" + v.variable + "\" cannot be non-input type \"" + v.type + "\"."));
        }
      }
    });
  }

  static void variablesInAllowedPosition(Events on, Consumer<GraphQlError> report) {
    on.value.add((w, value) -> {
      if (value.kind != ValueKind.VARIABLE || value.expectedType == null || value.variableDefinition == null
          || w.currentOperation == null) {
        return;
      }
      Type expected = value.expectedType;
      Value defaultValue = value.variableDefinition.defaultValue;
      if (defaultValue != null && defaultValue.kind != ValueKind.NULL && expected.nonNull) {
        // a variable with a default may fill a non-null position
        Type relaxed = new Type();
        relaxed.namedType = expected.namedType;
        relaxed.elem = expected.elem;
        expected = relaxed;
      }
      if (!value.variableDefinition.type.isCompatible(expected)) {
        report.accept(at(value.position, "Variable \"" + value + "\" of type \"" + value.variableDefinition.type
            + "\" used in position expecting type \"" + value.expectedType + "\"."));
      }
    });
  }

  // ---- suggestions ("Did you mean ...?") ----

  /** {@code " <prefix> "a", "b", or "c"?"} when some option is close to {@code typed}, else empty. */
  static String suggest(String prefix, String typed, List<String> options, boolean quoted) {
    List<String> close = suggestionList(typed, options);
    if (close.isEmpty()) return "";
    return " " + prefix + " " + (quoted ? quotedOrList(close) : orList(close)) + "?";
  }

  static String quotedOrList(List<String> items) {
    List<String> quoted = new ArrayList<>();
    for (String s : items) quoted.add("\"" + s + "\"");
    return orList(quoted);
  }

  static String orList(List<String> items) {
    List<String> list = items.size() > 5 ? items.subList(0, 5) : items;
    if (list.size() == 2) return list.get(0) + " or " + list.get(1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) sb.append(i == list.size() - 1 ? ", or " : ", ");
      sb.append(list.get(i));
    }
    return sb.toString();
  }

  /** Options within edit distance {@code floor(0.4 * len) + 1} of the input, closest first. */
  static List<String> suggestionList(String input, List<String> options) {
    int threshold = Math.max(1, (int) Math.floor(input.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 0.4) + 1);
    Map<String, Integer> distances = new HashMap<>();
    List<String> results = new ArrayList<>();
    for (String option : options) {
      int d = lexicalDistance(input, option);
      if (d <= threshold) {
        results.add(option);
        distances.put(option, d);
      }
    }
    results.sort(Comparator.comparingInt(distances::get));
    return results;
  }

  private static int lexicalDistance(String a, String b) {
    if (a.equals(b)) return 0;
    String la = a.toLowerCase(java.util.Locale.ROOT);
    String lb = b.toLowerCase(java.util.Locale.ROOT);
    if (la.equals(lb)) return 1;
    int[] x = la.codePoints().toArray();
    int[] y = lb.codePoints().toArray();
    int[] row = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) row[j] = j;
    for (int i = 1; i <= x.length; i++) {
      int diag = row[0];
      row[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int up = row[j];
        row[j] = Math.min(Math.min(row[j - 1] + 1, up + 1), diag + (x[i - 1] == y[j - 1] ? 0 : 1));
        diag = up;
      }
    }
    return row[y.length];
  }

}
