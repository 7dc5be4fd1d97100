package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Node;
import io.exportguard.rego.ast.SExpr;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven parser tests from {@code rego/parser/*.yaml}: each case gives a {@code module},
 * {@code query} or {@code term} and either the expected S-expression ({@code sexpr}) or the
 * expected errors ({@code errors}: {@code line:col: message} each, in order); {@code rego_version: v0}
 * parses with OPA 0.x's syntax.
 */
class ParserCasesTest {

  static Stream<Arguments> cases() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Stream.Builder<Arguments> out = Stream.builder();
    for (String file : List.of("terms.yaml", "rules.yaml", "errors.yaml", "syntax-1x.yaml", "v0.yaml")) {
      try (InputStream in = ParserCasesTest.class.getResourceAsStream("/rego/parser/" + file)) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) yaml.readValue(in, Map.class).get("cases");
        for (Map<String, Object> c : cases) out.add(Arguments.of(file + ": " + c.get("name"), c));
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, Map<String, Object> c) throws RegoException {
    if (c.containsKey("errors")) {
      @SuppressWarnings("unchecked")
      List<String> want = (List<String>) c.get("errors");
      assertThatThrownBy(() -> parse(c)).isInstanceOfSatisfying(RegoException.class, e -> {
        List<String> got = e.errors().stream()
            .map(r -> r.line() + ":" + r.column() + ": " + r.message()).collect(Collectors.toList());
        assertThat(got).containsExactlyElementsOf(want);
        assertThat(e.errors()).extracting(RegoError::code).containsOnly("rego_parse_error");
      });
    } else {
      assertThat(SExpr.print(parse(c)).strip()).isEqualTo(String.valueOf(c.get("sexpr")).strip());
    }
  }

  private static Node parse(Map<String, Object> c) throws RegoException {
    ParseOptions options = "v0".equals(c.get("rego_version")) ? ParseOptions.V0 : ParseOptions.V1;
    if (c.containsKey("module")) return Parser.parseModule("test.rego", (String) c.get("module"), options);
    if (c.containsKey("query")) return Parser.parseQuery((String) c.get("query"), options);
    return Parser.parseTerm(String.valueOf(c.get("term")));
  }
}
