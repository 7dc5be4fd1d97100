package io.exportguard.rego.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads JSON text into values (numbers keep full precision) and writes values as JSON. */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(10_000).maxNumberLength(100_000).maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private Json() {}

  /** The deepest nesting {@link #parse(String)} accepts. */
  public static final int MAX_DEPTH = 10_000;

  /** Parses one JSON document; throws {@link JsonSyntaxException} with line and column when it is not JSON. */
  public static Value parse(String text) {
    return parse(text, MAX_DEPTH);
  }

  /**
   * Parses one JSON document nested at most {@code maxDepth} levels (reading recurses once per level,
   * so callers on an ordinary thread stack pass a smaller bound than {@link #MAX_DEPTH}).
   */
  public static Value parse(String text, int maxDepth) {
    try (JsonParser p = FACTORY.createParser(text)) {
      try {
        JsonToken first = p.nextToken();
        if (first == null) throw new JsonSyntaxException("empty document", 1, 1);
        Value v = read(p, first, 1, Math.min(maxDepth, MAX_DEPTH));
        if (p.nextToken() != null) {
          throw new JsonSyntaxException("unexpected data after the document",
              p.currentLocation().getLineNr(), p.currentLocation().getColumnNr());
        }
        return v;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // A size limit (a number's digits) is raised without a location: the parser is there.
        var loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        throw new JsonSyntaxException(e.getOriginalMessage(), loc == null ? 0 : loc.getLineNr(),
            loc == null ? 0 : loc.getColumnNr());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Value read(JsonParser p, JsonToken t, int depth, int maxDepth) throws IOException {
    if (depth > maxDepth && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
      throw new JsonSyntaxException("nested more than " + maxDepth + " levels deep", p.currentLocation().getLineNr(),
          p.currentLocation().getColumnNr());
    }
    switch (t) {
      case START_OBJECT: {
        TreeMap<Value, Value> m = new TreeMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          StringValue key = StringValue.of(p.currentName());
          m.put(key, read(p, p.nextToken(), depth + 1, maxDepth));
        }
        return ObjectValue.wrap(m);
      }
      case START_ARRAY: {
        List<Value> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) items.add(read(p, n, depth + 1, maxDepth));
        return ArrayValue.of(items);
      }
      case VALUE_STRING: return StringValue.of(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return NumberValue.parse(p.getText());
      case VALUE_TRUE: return BooleanValue.TRUE;
      case VALUE_FALSE: return BooleanValue.FALSE;
      case VALUE_NULL: return NullValue.INSTANCE;
      default:
        throw new JsonSyntaxException("unexpected token " + t, p.currentLocation().getLineNr(),
            p.currentLocation().getColumnNr());
    }
  }

  /** Compact JSON; sets are written as arrays and non-string keys as their JSON text. */
  public static String write(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  public static void write(Value v, StringBuilder sb) {
    if (v instanceof NullValue) {
      sb.append("null");
    } else if (v instanceof BooleanValue b) {
      sb.append(b.value());
    } else if (v instanceof NumberValue n) {
      sb.append(n);
    } else if (v instanceof StringValue s) {
      quote(s.value(), sb);
    } else if (v instanceof ArrayValue a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) sb.append(',');
        write(a.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof SetValue s) {
      sb.append('[');
      boolean first = true;
      for (Value e : s) {
        if (!first) sb.append(',');
        first = false;
        write(e, sb);
      }
      sb.append(']');
    } else {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<Value, Value> e : ((ObjectValue) v).entries().entrySet()) {
        if (!first) sb.append(',');
        first = false;
        quote(e.getKey() instanceof StringValue s ? s.value() : write(e.getKey()), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    }
  }

  /** Appends a JSON string literal. */
  public static void quote(String s, StringBuilder sb) {
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
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  /** JSON text that does not parse; carries the 1-based line and column. */
  public static final class JsonSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public JsonSyntaxException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() { return line; }
    public int column() { return column; }
  }
}
