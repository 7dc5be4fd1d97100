package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import io.exportguard.rego.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** yaml.marshal, yaml.unmarshal, yaml.is_valid: YAML read and written through JSON, as OPA does. */
final class Yaml {
  private Yaml() {}

  private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .build());

  static void register(BuiltinRegistry r) {
    def(r, "yaml.marshal", (ctx, a) -> {
      try {
        // Through Go-style JSON first: sets become arrays and keys strings.
        JsonNode tree = READER.readTree(GoJson.compact(a.get(0)));
        return s(WRITER.writeValueAsString(tree));
      } catch (JsonProcessingException e) {
        throw Args.fail("yaml: " + e.getOriginalMessage());
      }
    });
    def(r, "yaml.unmarshal", (ctx, a) -> {
      try {
        JsonNode tree = READER.readTree(str(a, 1));
        return tree == null || tree.isMissingNode() ? NullValue.INSTANCE : fromNode(tree);
      } catch (JsonProcessingException e) {
        throw Args.fail("yaml: " + e.getOriginalMessage());
      }
    });
    def(r, "yaml.is_valid", (ctx, a) -> {
      if (!(a.get(0) instanceof StringValue sv)) return b(false);
      try {
        READER.readTree(sv.value());
        return b(true);
      } catch (JsonProcessingException e) {
        return b(false);
      }
    });
  }

  static Value fromNode(JsonNode n) {
    if (n.isObject()) {
      TreeMap<Value, Value> m = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(StringValue.of(e.getKey()), fromNode(e.getValue()));
      }
      return ObjectValue.wrap(m);
    }
    if (n.isArray()) {
      List<Value> out = new ArrayList<>();
      for (JsonNode x : n) out.add(fromNode(x));
      return ArrayValue.of(out);
    }
    if (n.isNull() || n.isMissingNode()) return NullValue.INSTANCE;
    if (n.isBoolean()) return BooleanValue.of(n.booleanValue());
    if (n.isNumber()) return n.isIntegralNumber() ? NumberValue.of(n.bigIntegerValue()) : Values.fromJava(n.doubleValue());
    return StringValue.of(n.asText());
  }
}
