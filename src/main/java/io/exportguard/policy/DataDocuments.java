package io.exportguard.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import io.exportguard.report.SourceExcerpt;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Parses JSON and YAML data files into values, and mounts and deep-merges data documents. */
public final class DataDocuments {
  /**
   * The YAML reader, built on first use: JSON data (the built-in pack's) never needs Jackson, and
   * building these mappers is a noticeable part of start-up.
   */
  private static final class Yaml {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final ObjectMapper JSON = new ObjectMapper();
  }

  private DataDocuments() {}

  /** True for the names a data file may have: {@code .json}, {@code .yaml} or {@code .yml}. */
  public static boolean isDataFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** Parses a JSON or YAML document (by extension) that must be an object. */
  public static ObjectValue parseObject(String file, String text) throws PolicyLoadException {
    Value v = parse(file, text);
    if (v instanceof ObjectValue o) return o;
    throw new PolicyLoadException(file, 1, 1, "a data file must hold an object, not " + describe(v));
  }

  private static String describe(Value v) {
    return v instanceof NullValue ? "an empty document" : "a value of type " + v.typeName();
  }

  /**
   * The deepest nesting a data file may have: the bound {@code --facts} has (Jackson's default), so
   * neither reader can exhaust the stack.
   */
  static final int MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

  /** Parses a JSON or YAML document (by extension): any value. */
  static Value parse(String file, String text) throws PolicyLoadException {
    if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
      try {
        return Json.parse(text, MAX_DEPTH);
      } catch (Json.JsonSyntaxException e) {
        throw new PolicyLoadException(file, e.line(), e.column(), "invalid JSON: " + e.getMessage(),
            SourceExcerpt.line(text, e.line()));
      }
    }
    try (JsonParser p = new AliasRefusingParser(Yaml.YAML.getFactory().createParser(text))) {
      JsonNode node;
      try {
        node = Yaml.YAML.readTree(p);
      } catch (AliasException e) {
        JsonLocation at = e.at;
        throw new PolicyLoadException(file, at.getLineNr(), at.getColumnNr(),
            "invalid YAML: aliases (*name) are not supported in data files; write the value out",
            SourceExcerpt.line(text, at.getLineNr()));
      } catch (JsonProcessingException e) {
        throw invalidYaml(file, text, e, e.getLocation() != null ? e.getLocation() : p.currentLocation());
      }
      // Through JSON text into the value model's own reader: numbers keep their exact digits.
      return node == null || node.isMissingNode() ? NullValue.INSTANCE : Json.parse(Yaml.JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new PolicyLoadException(file, 0, 0, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Jackson reads an alias ({@code *name}) as the string "name", silently: a data file with anchors
   * would configure the pack with the wrong values, and expanding them instead would open the door
   * to "billion laughs" files. Either way the answer is a clear error at the alias.
   */
  private static final class AliasRefusingParser extends JsonParserDelegate {
    AliasRefusingParser(JsonParser yaml) { super(yaml); }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      if (delegate() instanceof YAMLParser y && y.isCurrentAlias()) throw new AliasException(currentTokenLocation());
      return t;
    }
  }

  private static final class AliasException extends IOException {
    private static final long serialVersionUID = 1L;
    final transient JsonLocation at;

    AliasException(JsonLocation at) {
      super("YAML alias");
      this.at = at;
    }
  }

  private static PolicyLoadException invalidYaml(String file, String text, JsonProcessingException e, JsonLocation loc) {
    String msg = e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("nesting")
        ? "nested more than " + MAX_DEPTH + " levels deep" : e.getOriginalMessage();
    int nl = msg == null ? -1 : msg.indexOf('\n');
    if (nl >= 0) msg = msg.substring(0, nl); // SnakeYAML appends a multi-line excerpt; keep the first line
    int line = loc == null ? 0 : loc.getLineNr();
    return new PolicyLoadException(file, line, loc == null ? 0 : loc.getColumnNr(), "invalid YAML: " + msg,
        SourceExcerpt.line(text, line));
  }

  /** Wraps a document in one object per path segment: mount(["a","b"], d) is {"a":{"b":d}}. */
  public static ObjectValue mount(List<String> path, ObjectValue doc) {
    return (ObjectValue) mountValue(path, doc);
  }

  /** Like {@link #mount}, for a document of any type under a non-empty path (OPA mounts arrays too). */
  static Value mountValue(List<String> path, Value doc) {
    Value v = doc;
    for (int i = path.size() - 1; i >= 0; i--) {
      v = ObjectValue.builder().put(path.get(i), v).build();
    }
    return v;
  }

  /**
   * A data file found under a policy folder, mounted at its folder's path: below the root any JSON
   * value may stand there, as OPA loads it; at the root it must be an object.
   */
  static ObjectValue mountFile(List<String> path, String file, String text) throws PolicyLoadException {
    if (path.isEmpty()) return parseObject(file, text);
    return (ObjectValue) mountValue(path, parse(file, text));
  }

  /** Deep merge: objects merge key by key; anything else in {@code over} replaces what {@code base} had. */
  public static ObjectValue merge(ObjectValue base, ObjectValue over) {
    TreeMap<Value, Value> out = new TreeMap<>(base.entries());
    for (Map.Entry<Value, Value> e : over.entries().entrySet()) {
      Value old = out.get(e.getKey());
      if (old instanceof ObjectValue a && e.getValue() instanceof ObjectValue b) {
        out.put(e.getKey(), merge(a, b));
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return ObjectValue.wrap(out);
  }
}
