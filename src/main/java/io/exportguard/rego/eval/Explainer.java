package io.exportguard.rego.eval;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.compiler.CompiledPolicy;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Why a rule's body does not hold, as {@code opa test --var-values} shows it: the body (in the
 * order the compiler scheduled it) is searched like any evaluation, and the literal that no branch
 * of the search got past is the first failing expression; the variables bound when the search
 * first reached it are shown with it.
 */
final class Explainer {
  private Explainer() {}

  /**
   * The first failing expression of the first definition of the complete rule at {@code path}
   * (dotted, {@code data.pkg.rule}), or empty when there is none such rule or its body holds.
   */
  static Optional<Engine.RuleFailure> explain(CompiledPolicy policy, Plan plan, String path, Value input,
                                              EvalOptions options) {
    Rule rule = firstCompleteRule(policy, path);
    if (rule == null || rule.body().isEmpty()) return Optional.empty();
    Lowering low = new Lowering(plan.builtins, plan.functions);
    Body body = low.body(rule.body());
    Term value = low.term(rule.value());
    low.closeComprehensions(List.of(value), List.of(body));
    Session session = new Session(plan, options);
    Evaluator ev = new Evaluator(session, new Context(input, new Context.DataOverride[0], Map.of()));
    Search search = new Search(ev, body, new Value[low.slotCount()]);
    search.from(0);
    if (search.deepest >= body.literals().length) return Optional.empty();
    Literal failing = body.literals()[search.deepest];
    Map<String, Value> bound = new TreeMap<>();
    for (Map.Entry<String, Integer> e : low.slots().entrySet()) {
      Value v = search.snapshot[e.getValue()];
      if (v != null && !new Var(e.getKey(), null).isGenerated() && !e.getKey().startsWith("_")) bound.put(e.getKey(), v);
    }
    return Optional.of(new Engine.RuleFailure(failing.file(), failing.line(), failing.column(),
        expressionText(policy, failing), bound));
  }

  private static Rule firstCompleteRule(CompiledPolicy policy, String path) {
    if (!path.startsWith("data.")) return null;
    List<Value> segments = new ArrayList<>();
    for (String s : path.substring(5).split("\\.")) segments.add(StringValue.of(s));
    for (Rule r : policy.rulesAt(segments)) {
      if (r.kind() == RuleKind.COMPLETE && !r.isDefault() && r.args().isEmpty()) return r;
    }
    return null;
  }

  /** The depth-first search over the body that remembers how far any branch got. */
  private static final class Search {
    private final Evaluator ev;
    private final Body body;
    private final Value[] frame;
    int deepest = -1;
    Value[] snapshot;

    Search(Evaluator ev, Body body, Value[] frame) {
      this.ev = ev;
      this.body = body;
      this.frame = frame;
    }

    boolean from(int i) {
      if (i > deepest) {
        deepest = i;
        snapshot = frame.clone();
      }
      if (i == body.literals().length) return true;
      return ev.evalLiteral(body.literals()[i], frame, () -> from(i + 1));
    }
  }

  /**
   * The expression's source: from where it starts to where its brackets close on a later line (or
   * the end of its first line), without comments.
   */
  private static String expressionText(CompiledPolicy policy, Literal lit) {
    for (Module m : policy.modules()) {
      if (m.file() == null || !m.file().equals(lit.file())) continue;
      String[] lines = m.source().split("\n", -1);
      if (lit.line() < 1 || lit.line() > lines.length) return "";
      StringBuilder text = new StringBuilder();
      int depth = 0;
      for (int l = lit.line() - 1; l < lines.length; l++) {
        String line = lines[l];
        if (l == lit.line() - 1) line = line.substring(Math.min(line.length(), Math.max(lit.column(), 1) - 1));
        int[] scanned = scan(line);
        String code = line.substring(0, scanned[0]).strip();
        if (!code.isEmpty()) text.append(text.length() > 0 ? " " : "").append(code);
        depth += scanned[1];
        if (depth <= 0) break;
      }
      return text.toString();
    }
    return "";
  }

  /**
   * One line of Rego source: where its code ends (a {@code #} comment outside strings starts) and
   * how many brackets it leaves open. Strings ({@code "..."} with escapes, raw {@code `...`}) are skipped.
   */
  private static int[] scan(String line) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') i++;
        else if (c == quote) quote = 0;
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (c == '#') {
        return new int[] {i, depth};
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return new int[] {line.length(), depth};
  }
}
