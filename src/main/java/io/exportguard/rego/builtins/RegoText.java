package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.Map;

/**
 * A value as OPA prints a Rego term ({@code [1, "a"]}, {@code {"k": true}}, {@code {1, 2}},
 * {@code set()}): what sprintf and print show for composite values.
 */
public final class RegoText {
  private RegoText() {}

  public static String of(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  public static void write(Value v, StringBuilder sb) {
    if (v instanceof StringValue s) {
      GoFmt.quote(s.value(), sb);
    } else if (v instanceof ArrayValue a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) sb.append(", ");
        write(a.get(i), sb);
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
        write(e, sb);
      }
      sb.append('}');
    } else if (v instanceof ObjectValue o) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        write(e.getKey(), sb);
        sb.append(": ");
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      sb.append(v.toString());
    }
  }
}
