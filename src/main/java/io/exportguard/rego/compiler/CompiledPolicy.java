package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * The compiler's output: the rewritten modules and the rule tree. Immutable and thread-safe.
 * See /work/team/rego-ast.md for the exact shape of rewritten rules.
 */
public interface CompiledPolicy {

  /** The modules after every rewrite, in the order given. */
  List<Module> modules();

  /** Root of the virtual document tree ({@code data}). */
  RuleTree ruleTree();

  /** Rules sitting at the node at this path (without {@code data}), or an empty list. */
  default List<Rule> rulesAt(List<Value> path) {
    RuleTree n = ruleTree().find(path);
    return n == null ? List.of() : n.rules();
  }

  /** Compiles a query against this policy (resolution, locals, safety, functions). */
  CompiledQuery compileQuery(Body query) throws RegoException;
}
