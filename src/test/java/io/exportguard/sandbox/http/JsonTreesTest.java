package io.exportguard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming reader and writer give what a default ObjectMapper gives, node types and error messages included. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<String> texts() {
    return List.of("{}", "[]", "", "   \n ", "null", "true", "\"text\"", "42", "-0", "0.5", "1e3", "-1.25E-7",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "123456789012345678901234567890", "1.7976931348623157e309", "0.1000000000000000055511151231257827",
        "{\"a\":1,\"b\":[true,false,null,\"x\"],\"c\":{\"d\":{}}}",
        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"}]}",
        "{\"k\":1,\"k\":2,\"j\":3}", "{\"k\":{\"a\":1},\"k\":[1]}",
        "{\"u\":\"\\u00e9\\ud83d\\ude00 \\n\\t\\\"\\\\\\/\",\"raw\":\"é😀\"}",
        "{} trailing garbage", "[1,2] [3]", "{\"a\":null,\"b\":[null,[]]}",
        "[[[[[[[[[[1]]]]]]]]]]", "{\"\":\"\",\" \":\" \"}");
  }

  @ParameterizedTest
  @MethodSource("texts")
  void readsTheTreeTheMapperReads(String text) throws Exception {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode actual = JsonTrees.read(text);
    assertThat(actual).isEqualTo(expected);
    assertSameTypes(actual, expected);
    JsonNode fromBytes = JsonTrees.read(text.getBytes(StandardCharsets.UTF_8));
    assertThat(fromBytes).isEqualTo(MAPPER.readTree(text.getBytes(StandardCharsets.UTF_8)));
    assertSameTypes(fromBytes, expected);
  }

  @ParameterizedTest
  @MethodSource("texts")
  void writesWhatTheMapperWrites(String text) throws Exception {
    JsonNode tree = MAPPER.readTree(text);
    assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void failsAsTheMapperFails(String text) {
    JsonProcessingException expected = catchThrowableOfType(JsonProcessingException.class, () -> MAPPER.readTree(text));
    JsonProcessingException actual = catchThrowableOfType(JsonProcessingException.class, () -> JsonTrees.read(text));
    assertThat(expected).isNotNull();
    assertThat(actual).isNotNull();
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    assertThat(actual.getMessage()).isEqualTo(expected.getMessage()); // the problem, then the line and column
  }

  static List<String> malformed() {
    return List.of("{", "[1,", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "nul", "{'a':1}", "\"open", "{\"a\":01}",
        "[NaN]", "{\n  \"a\": [\n    tru\n  ]\n}", "[".repeat(1001) + "]".repeat(1001));
  }

  @Test
  void writesYamlTreesAsTheMapperDoesAndWhatItCannotStreamThroughOne() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    for (String doc : List.of("a: 1\nb: [x, 2.5, true, null]\nc: {d: 12345678901234567890}\n",
        "bin: !!binary aGVsbG8=\n", "f: 1.0e+3\ng: -0.0\n")) {
      JsonNode tree = yaml.readTree(doc);
      assertThat(JsonTrees.write(tree)).as(doc).isEqualTo(MAPPER.writeValueAsString(tree));
    }
    ObjectNode withObject = JsonNodeFactory.instance.objectNode();
    withObject.putPOJO("when", Map.of("k", "v"));
    assertThat(JsonTrees.write(withObject)).isEqualTo(MAPPER.writeValueAsString(withObject));
  }

  private static void assertSameTypes(JsonNode actual, JsonNode expected) {
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) assertSameTypes(actual.get(i), expected.get(i));
    } else if (expected.isObject()) {
      assertThat(iterate(actual.fieldNames())).isEqualTo(iterate(expected.fieldNames()));
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        assertSameTypes(actual.get(k), expected.get(k));
      }
    }
  }

  private static List<String> iterate(Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
