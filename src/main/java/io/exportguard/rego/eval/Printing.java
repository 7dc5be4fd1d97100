package io.exportguard.rego.eval;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.Map;

/** {@code print}'s output: arguments separated by spaces, strings raw, other values in Rego syntax. */
final class Printing {
  private Printing() {}

  static String line(Evaluator ev, Term[] args, Value[] f) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) sb.append(' ');
      Value[] first = {null};
      ev.evalTerm(args[i], f, v -> {
        first[0] = v;
        return true;
      });
      if (first[0] == null) sb.append("<undefined>");
      else if (first[0] instanceof StringValue s) sb.append(s.value());
      else format(first[0], sb);
    }
    return sb.toString();
  }

  static String format(Value v) {
    StringBuilder sb = new StringBuilder();
    format(v, sb);
    return sb.toString();
  }

  /** Rego term syntax: {@code [1, 2]}, {@code {"a": 1}}, {@code {1, 2}}, {@code set()}. */
  static void format(Value v, StringBuilder sb) {
    if (v instanceof ArrayValue a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) sb.append(", ");
        format(a.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof SetValue s) {
      if (s.size() == 0) {
        sb.append("set()");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Value e : s) {
        if (!first) sb.append(", ");
        first = false;
        format(e, sb);
      }
      sb.append('}');
    } else if (v instanceof ObjectValue o) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        format(e.getKey(), sb);
        sb.append(": ");
        format(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      Json.write(v, sb);
    }
  }
}
