package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven builtin tests: every {@code src/test/resources/rego/builtins/*.yaml} holds a list of
 * {@code {call, args, want | undefined | error}}. Arguments and results are YAML/JSON values, with
 * {@code {"$set": [...]}} standing for a set; {@code error} is {@code "<code>: <message>"}.
 */
class BuiltinCasesTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final BuiltinRegistry REGISTRY = BuiltinRegistry.standard();
  private static final ConcurrentHashMap<Object, Object> POLICY_CACHE = new ConcurrentHashMap<>();

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path dir = Paths.get(BuiltinCasesTest.class.getResource("/rego/builtins").toURI());
    // Big decimals keep numbers such as 1.5e400 or 0.1 exact on their way into values.
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          JsonNode root = yaml.readTree(in);
          int i = 0;
          for (JsonNode c : root) {
            String label = f.getFileName() + "#" + i++ + " " + c.get("call").asText() + c.get("args");
            out.add(Arguments.of(label, c));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void builtin(String label, JsonNode c) {
    List<Value> args = new ArrayList<>();
    for (JsonNode a : c.get("args")) args.add(decode(Json.parse(a.toString())));
    BuiltinContext ctx = new SimpleBuiltinContext(NOW, POLICY_CACHE, false);
    String name = c.get("call").asText();
    if (c.has("error")) {
      BuiltinException e = catchThrowableOfType(() -> REGISTRY.invoke(name, ctx, args), BuiltinException.class);
      assertThat(e).as("expected an error").isNotNull();
      assertThat(e.code() + ": " + e.getMessage()).contains(c.get("error").asText());
      return;
    }
    Value got = REGISTRY.invoke(name, ctx, args);
    if (c.has("undefined")) {
      assertThat(got).as("undefined").isNull();
      return;
    }
    JsonNode w = c.get("want");
    Value want = decode(Json.parse(w.toString()));
    assertThat(got).as("result").isNotNull();
    assertThat(got).as(got.toString()).isEqualTo(want);
  }

  /** Turns {"$set": [...]} into sets, recursively. */
  static Value decode(Value v) {
    if (v instanceof ObjectValue o) {
      if (o.size() == 1 && o.get("$set") instanceof ArrayValue items) {
        TreeSet<Value> s = new TreeSet<>();
        for (Value e : items.items()) s.add(decode(e));
        return SetValue.wrap(s);
      }
      TreeMap<Value, Value> m = new TreeMap<>();
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) m.put(decode(e.getKey()), decode(e.getValue()));
      return ObjectValue.wrap(m);
    }
    if (v instanceof ArrayValue a) {
      List<Value> l = new ArrayList<>();
      for (Value e : a.items()) l.add(decode(e));
      return ArrayValue.of(l);
    }
    return v;
  }
}
