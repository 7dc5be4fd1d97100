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

  /** The mappers, made when a yaml builtin is first called (not when the builtins are registered). */
  private static final class Mappers {
    static final ObjectMapper READER = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .build());
  }

  static void register(BuiltinRegistry r) {
    def(r, "yaml.marshal", Yaml::marshal);
    def(r, "yaml.unmarshal", Yaml::unmarshal);
    def(r, "yaml.is_valid", Yaml::isValid);
  }

  /** Through Go-style JSON first, so sets become arrays and keys strings. */
  static Value marshal(BuiltinContext ctx, List<Value> a) {
    try {
      JsonNode tree = Mappers.READER.readTree(GoJson.compact(a.get(0)));
      return s(Mappers.WRITER.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw Args.fail("yaml: " + e.getOriginalMessage());
    }
  }

  static Value isValid(BuiltinContext ctx, List<Value> a) {
    if (!(a.get(0) instanceof StringValue sv)) return b(false);
    try {
      Mappers.READER.readTree(sv.value());
      return b(true);
    } catch (JsonProcessingException e) {
      return b(false);
    }
  }

  static Value unmarshal(BuiltinContext ctx, List<Value> a) {
    String text = str(a, 1);
    try {
      JsonNode tree = Mappers.READER.readTree(text);
      return tree == null || tree.isMissingNode() ? NullValue.INSTANCE : fromNode(tree);
    } catch (JsonProcessingException e) {
      throw Args.fail(goYamlMessage(e, text));
    }
  }

  /** SnakeYAML's problem texts and the libyaml texts go-yaml reports for the same problems. */
  private static final String[][] PROBLEMS = {
      {"expected ',' or ']'", "did not find expected ',' or ']'"},
      {"expected ',' or '}'", "did not find expected ',' or '}'"},
      {"mapping values are not allowed here", "mapping values are not allowed in this context"},
      {"that cannot start any token", "found character that cannot start any token"},
      {"could not find expected ':'", "could not find expected ':'"},
      {"found unexpected end of stream", "found unexpected end of stream"},
      {"expected the node content", "did not find expected node content"},
      {"expected a comment or a line break", "did not find expected comment or line break"},
      {"expected <document start>", "did not find expected <document start>"},
      {"found unknown escape character", "found unknown escape character"},
  };

  /**
   * The error go-yaml (which OPA uses) gives for the same input: {@code yaml: line N: <libyaml text>}.
   * Its lines are libyaml's 0-based marks for parser errors (plus one at the end of a stream without a
   * final newline) and 1-based for scanner errors; line 0 is left out.
   */
  static String goYamlMessage(JsonProcessingException e, String text) {
    if (!(e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) || m.getProblemMark() == null) {
      return "yaml: " + e.getOriginalMessage();
    }
    String problem = m.getProblem() == null ? "unknown problem parsing YAML content" : m.getProblem();
    String context = m.getContext() == null ? "" : m.getContext();
    String message = problem;
    if (problem.startsWith("expected <block end>")) {
      message = context.contains("sequence") || context.contains("collection") ? "did not find expected '-' indicator"
          : "did not find expected key";
    } else if (problem.startsWith("found undefined alias")) {
      message = "unknown anchor '" + problem.substring("found undefined alias".length()).trim() + "' referenced";
    } else {
      for (String[] p : PROBLEMS) {
        if (problem.contains(p[0])) {
          message = p[1];
          break;
        }
      }
    }
    org.yaml.snakeyaml.error.Mark mark = m.getProblemMark();
    int line;
    if (m instanceof org.yaml.snakeyaml.scanner.ScannerException) {
      line = mark.getLine() + 1;
    } else {
      boolean atEnd = mark.getIndex() >= text.codePointCount(0, text.length());
      line = mark.getLine() + (atEnd && mark.getColumn() > 0 ? 1 : 0);
      if (line == 0 && m.getContextMark() != null) line = m.getContextMark().getLine();
    }
    return "yaml: " + (line != 0 ? "line " + line + ": " : "") + message;
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
