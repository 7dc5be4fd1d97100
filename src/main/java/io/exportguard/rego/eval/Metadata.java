package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import io.exportguard.rego.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code rego.metadata.rule()} and {@code rego.metadata.chain()}: the METADATA of the rule being evaluated. */
final class Metadata {
  private Metadata() {}

  /** The builtin's value when name is one of the metadata builtins, else null. */
  static Value call(Evaluator ev, String name, Value[] args) {
    if (!name.startsWith("rego.metadata.")) return null;
    RuleDef rule = ev.session.ruleStack.peek();
    if (name.equals("rego.metadata.rule")) {
      if (rule == null || rule.annotations().isEmpty()) return ObjectValue.EMPTY;
      return toValue(rule.annotations().get(0));
    }
    if (name.equals("rego.metadata.chain")) {
      List<Value> chain = new ArrayList<>();
      if (rule != null) {
        List<Value> path = new ArrayList<>();
        String[] segs = rule.path().split("\\.");
        // OPA's chain paths start below data: ["pkg", "rule"].
        for (int i = 1; i < segs.length; i++) path.add(StringValue.of(segs[i]));
        Map<Value, Value> entry = new LinkedHashMap<>();
        entry.put(StringValue.of("path"), ArrayValue.of(path));
        if (!rule.annotations().isEmpty()) entry.put(StringValue.of("annotations"), toValue(rule.annotations().get(0)));
        chain.add(ObjectValue.of(entry));
        for (Annotations pkg : ev.session.plan.packageAnnotations(rule.path())) {
          Map<Value, Value> e = new LinkedHashMap<>();
          e.put(StringValue.of("path"), ArrayValue.of(path.subList(0, path.size() - 1)));
          e.put(StringValue.of("annotations"), toValue(pkg));
          chain.add(ObjectValue.of(e));
        }
      }
      return ArrayValue.of(chain);
    }
    return null;
  }

  static Value toValue(Annotations a) {
    Map<String, Object> m = new LinkedHashMap<>(a.fields());
    m.putIfAbsent("scope", a.scope());
    return Values.fromJava(m);
  }
}
