package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage 2b (after the rule tree): OPA reads {@code f() = v { ... }} (parentheses, no arguments) as
 * a rule, not a function, yet evaluates a call {@code f()} of it as the rule's value; policy
 * libraries written for OPA 0.x use both forms (gatekeeper-library). A call without arguments of
 * a {@code data} ref that names rules, and no function, becomes that ref.
 */
final class ZeroArgCalls extends Transformer {
  private final RuleTree root;
  private final Map<String, Integer> functions;

  ZeroArgCalls(RuleTree root, Map<String, Integer> functions) {
    this.root = root;
    this.functions = functions;
  }

  @Override
  Term call(Call c) {
    Term t = super.call(c);
    if (!(t instanceof Call k) || !k.args().isEmpty()) return t;
    String name = k.name();
    if (name == null || !name.startsWith("data.") || functions.containsKey(name)) return t;
    Ref op = k.operator();
    List<Value> path = new ArrayList<>(op.size() - 1);
    for (int i = 1; i < op.size(); i++) path.add(((Scalar) op.get(i)).value());
    RuleTree node = root.find(path);
    return node != null && !node.rules().isEmpty() ? new Ref(op.terms(), k.loc()) : t;
  }
}
