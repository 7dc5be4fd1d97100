package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text as Go's encoding/json writes it for OPA: HTML-safe escapes ({@code <} as {@code \u003c}),
 * sets as arrays, object keys sorted (non-string keys as their JSON text), and Go's MarshalIndent layout.
 */
final class GoJson {
  private GoJson() {}

  static String compact(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, null, null, 0);
    return sb.toString();
  }

  static String indent(Value v, String prefix, String indent) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, prefix, indent, 0);
    return sb.toString();
  }

  private static void newline(StringBuilder sb, String prefix, String indent, int depth) {
    sb.append('\n').append(prefix);
    for (int i = 0; i < depth; i++) sb.append(indent);
  }

  private static void write(Value v, StringBuilder sb, String prefix, String indent, int depth) {
    boolean pretty = indent != null;
    if (v instanceof NullValue) sb.append("null");
    else if (v instanceof BooleanValue b) sb.append(b.value());
    else if (v instanceof NumberValue n) sb.append(n);
    else if (v instanceof StringValue s) quote(s.value(), sb);
    else if (v instanceof ArrayValue || v instanceof SetValue) {
      List<Value> items = v instanceof ArrayValue a ? a.items() : new ArrayList<>(((SetValue) v).items());
      sb.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) sb.append(',');
        if (pretty) newline(sb, prefix, indent, depth + 1);
        write(items.get(i), sb, prefix, indent, depth + 1);
      }
      if (pretty && !items.isEmpty()) newline(sb, prefix, indent, depth);
      sb.append(']');
    } else {
      // Keys become strings first, then sort as Go sorts map keys (byte order).
      TreeMap<String, Value> m = new TreeMap<>((x, y) -> StringValue.of(x).compareTo(StringValue.of(y)));
      for (Map.Entry<Value, Value> e : ((ObjectValue) v).entries().entrySet()) {
        String k = e.getKey() instanceof StringValue s ? s.value() : e.getKey().toJson();
        m.put(k, e.getValue());
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : m.entrySet()) {
        if (!first) sb.append(',');
        first = false;
        if (pretty) newline(sb, prefix, indent, depth + 1);
        quote(e.getKey(), sb);
        sb.append(pretty ? ": " : ":");
        write(e.getValue(), sb, prefix, indent, depth + 1);
      }
      if (pretty && !m.isEmpty()) newline(sb, prefix, indent, depth);
      sb.append('}');
    }
  }

  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
