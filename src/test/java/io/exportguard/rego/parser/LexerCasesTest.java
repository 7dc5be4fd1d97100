package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven lexer tests from {@code rego/parser/tokens.yaml}. */
class LexerCasesTest {

  static Stream<Arguments> cases() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (InputStream in = LexerCasesTest.class.getResourceAsStream("/rego/parser/tokens.yaml")) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> cases = (List<Map<String, Object>>) yaml.readValue(in, Map.class).get("cases");
      return cases.stream().map(c -> Arguments.of(c.get("name"), c)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void tokenizes(String name, Map<String, Object> c) {
    Lexer lexer = new Lexer((String) c.get("source"));
    List<Token> tokens = lexer.tokenize();
    assertThat(tokens.get(tokens.size() - 1).kind()).isEqualTo(TokenKind.EOF);
    List<String> got = tokens.subList(0, tokens.size() - 1).stream()
        .map(t -> t.kind() + ":" + t.text()).collect(Collectors.toList());
    assertThat(got).containsExactlyElementsOf((List<String>) c.get("tokens"));
    List<String> errors = lexer.errors().stream()
        .map(e -> e.line() + ":" + e.column() + ": " + e.message()).collect(Collectors.toList());
    assertThat(errors).containsExactlyElementsOf((List<String>) c.getOrDefault("errors", List.of()));
  }
}
