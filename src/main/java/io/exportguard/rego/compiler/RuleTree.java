package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.value.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The virtual documents under {@code data}, by path. A node's key is one path element (a string
 * for every package and rule name; other values for ground ref-head keys such as {@code p[1]}).
 * A rule sits at the node of its head's ground prefix: {@code a.b.c := 1} at {@code a/b/c},
 * {@code p[x] := y} and {@code p contains x} at {@code p}, {@code a.b[x].c := y} at {@code a/b}.
 * Packages are nodes too (without rules unless a rule has the package's path).
 */
public final class RuleTree {
  private final Value key;
  private final TreeMap<Value, RuleTree> children = new TreeMap<>();
  private final java.util.ArrayList<Rule> rules = new java.util.ArrayList<>();
  private boolean frozen;

  RuleTree(Value key) { this.key = key; }

  /** This node's path element; null at the root ({@code data}). */
  public Value key() { return key; }

  /** Child nodes in OPA value order. */
  public Map<Value, RuleTree> children() { return Collections.unmodifiableMap(children); }

  public RuleTree child(Value k) { return children.get(k); }

  /** The rules whose head's ground prefix ends at this node, in module then source order. */
  public List<Rule> rules() { return Collections.unmodifiableList(rules); }

  /** The node at a path below this one, or null. */
  public RuleTree find(List<Value> path) {
    RuleTree n = this;
    for (Value v : path) {
      n = n.children.get(v);
      if (n == null) return null;
    }
    return n;
  }

  /** True when this node or any node below it holds rules. */
  public boolean hasRules() {
    if (!rules.isEmpty()) return true;
    for (RuleTree c : children.values()) if (c.hasRules()) return true;
    return false;
  }

  RuleTree childOrCreate(Value k) {
    if (frozen) throw new IllegalStateException("rule tree is frozen");
    return children.computeIfAbsent(k, RuleTree::new);
  }

  void add(Rule r) {
    if (frozen) throw new IllegalStateException("rule tree is frozen");
    rules.add(r);
  }

  void freeze() {
    frozen = true;
    rules.trimToSize();
    for (RuleTree c : children.values()) c.freeze();
  }
}
