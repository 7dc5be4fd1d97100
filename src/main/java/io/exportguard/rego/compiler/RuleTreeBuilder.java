package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SExpr;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2: the rule tree, and conflicting rule kinds, function arities, duplicate defaults and rules
 * that are the prefix of other rules' heads.
 */
final class RuleTreeBuilder {
  private RuleTreeBuilder() {}

  /** Names printable after a dot in a ref. */
  static final java.util.regex.Pattern IDENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The ground prefix of an absolute head (without {@code data}). */
  static List<Value> groundPath(Ref head) {
    List<Value> path = new ArrayList<>();
    for (int i = 1; i < head.size(); i++) {
      if (!(head.get(i) instanceof Scalar s)) break;
      path.add(s.value());
    }
    return path;
  }

  static RuleTree build(List<Module> modules, Errors errors) {
    RuleTree root = new RuleTree(null);
    for (Module m : modules) {
      RuleTree n = root;
      for (Value v : groundPath(m.pkg().path())) n = n.childOrCreate(v);
      for (Rule r : m.rules()) {
        RuleTree node = root;
        for (Value v : groundPath(r.head())) node = node.childOrCreate(v);
        node.add(r);
      }
    }
    if (errors != null) check(root, errors);
    root.freeze();
    return root;
  }

  private static void check(RuleTree node, Errors errors) {
    // Rules whose whole head is this node's path must agree on kind; functions also on arity.
    Map<String, List<Rule>> byHead = new HashMap<>();
    for (Rule r : node.rules()) byHead.computeIfAbsent(headKey(r), k -> new ArrayList<>()).add(r);
    for (List<Rule> rules : byHead.values()) {
      Rule first = rules.get(0);
      int defaults = 0;
      for (Rule r : rules) {
        if (r.isDefault()) defaults++;
        boolean kindClash = kindClass(r) != kindClass(first);
        boolean arityClash = r.kind() == RuleKind.FUNCTION && first.kind() == RuleKind.FUNCTION
            && r.args().size() != first.args().size();
        if (kindClash || arityClash) {
          errors.add(Errors.TYPE, "conflicting rules " + name(first.head()) + " found", r.loc());
          break;
        }
      }
      if (defaults > 1) {
        Rule second = rules.stream().filter(Rule::isDefault).skip(1).findFirst().orElse(first);
        errors.add(Errors.TYPE, "multiple default rules " + name(first.head()) + " found", second.loc());
      }
    }
    checkPrefixes(node, errors);
    for (RuleTree c : node.children().values()) check(c, errors);
  }

  /**
   * A rule whose whole value is this node ({@code p := 1}, {@code p contains x}) leaves no room for
   * rules below it ({@code p.q := 2}): OPA names the rule and every rule under it.
   */
  private static void checkPrefixes(RuleTree node, Errors errors) {
    List<String> below = null;
    for (Rule r : node.rules()) {
      boolean wholeNode = (r.kind() == RuleKind.COMPLETE || r.kind() == RuleKind.PARTIAL_SET)
          && groundPath(r.head()).size() == r.head().size() - 1;
      if (!wholeNode) continue;
      if (below == null) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (RuleTree c : node.children().values()) collectNames(c, names);
        below = new ArrayList<>(names);
      }
      if (below.isEmpty()) return;
      errors.add(Errors.TYPE, "rule " + name(r.head()) + " conflicts with [" + String.join(" ", below) + "]", r.loc());
    }
  }

  private static void collectNames(RuleTree node, java.util.Set<String> out) {
    for (Rule r : node.rules()) out.add(name(r.head()));
    for (RuleTree c : node.children().values()) collectNames(c, out);
  }

  private static String headKey(Rule r) { return SExpr.print(r.head()); }

  /** Single-value (complete/object), multi-value (set) and functions cannot share a head. */
  private static int kindClass(Rule r) {
    return switch (r.kind()) {
      case COMPLETE, PARTIAL_OBJECT -> 0;
      case PARTIAL_SET -> 1;
      case FUNCTION -> 2;
    };
  }

  /** A head ref as OPA prints it: {@code data.a.b}, {@code data.a.p[x]}. */
  static String name(Ref head) {
    StringBuilder sb = new StringBuilder("data");
    for (int i = 1; i < head.size(); i++) {
      if (head.get(i) instanceof Scalar s && s.stringOrNull() != null && IDENT.matcher(s.stringOrNull()).matches()) {
        sb.append('.').append(s.stringOrNull());
      } else if (head.get(i) instanceof Scalar s) {
        sb.append('[').append(s.value().toJson()).append(']');
      } else if (head.get(i) instanceof io.exportguard.rego.ast.Var v) {
        sb.append('[').append(v.userName()).append(']');
      } else {
        sb.append('[').append(SExpr.print(head.get(i))).append(']');
      }
    }
    return sb.toString();
  }
}
