package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader gives the tree (node classes included) and the syntax errors FactsJson's mapper gives. */
class JsonTreeReaderTest {
  @ParameterizedTest
  @ValueSource(strings = {"{}", "", " ", "null", "7", "[1, 2147483648, 9223372036854775808, 0.5, -1e-3, true, null]",
      "{\"AccountId\":\"1234\",\"Arn\":\"acs:ram::1234:root\",\"n\":{\"k\":1,\"k\":[2]}}", "{\"a\":\"\\u00e9\"} tail",
      "{\"Statement\":{\"Principal\":{\"Service\":\"ecs.aliyuncs.com\"},\"Action\":\"oss:PutObject\"}}"})
  void readsWhatTheMapperReads(String text) throws Exception {
    JsonNode expected = FactsJson.mapper().readTree(text);
    JsonNode actual = JsonTreeReader.read(text);
    assertThat(actual).isEqualTo(expected);
    assertThat(classes(actual)).isEqualTo(classes(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "{\"a\":1,}", "[1 2]", "{\n \"a\": tru\n}"})
  void failsAsTheMapperFails(String text) {
    JsonProcessingException expected = catchThrowableOfType(JsonProcessingException.class,
        () -> FactsJson.mapper().readTree(text));
    JsonProcessingException actual = catchThrowableOfType(JsonProcessingException.class, () -> JsonTreeReader.read(text));
    assertThat(actual).isNotNull();
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    assertThat(actual.getMessage()).isEqualTo(expected.getMessage()); // the problem, then the line and column
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "[]", "null", "7", "-0", "\"text \\u00e9\"", "true",
      "[1, 2147483647, 2147483648, 9223372036854775807, 9223372036854775808, 0.5, -1e-3, 1E+400, 3.0, 1.10]",
      "{\"cn-hangzhou\":\"my-exports\",\"n\":{\"k\":[1,{\"x\":null}],\"b\":false}}", "{\"a\":1} tail",
      "[\"a\", [], {}, [[]], 12345678901234567890123.456]"})
  void readsPlainValuesAsAMapperReadsThemIntoObject(String text) throws Exception {
    Object expected = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
    Object actual = JsonTreeReader.readPlain(text);
    assertThat(actual).isEqualTo(expected);
    assertThat(plainClasses(actual)).isEqualTo(plainClasses(expected));
  }

  /** Every value's class, depth first. */
  private static List<Object> plainClasses(Object v) {
    List<Object> out = new java.util.ArrayList<>();
    out.add(v == null ? null : v.getClass());
    if (v instanceof java.util.Map<?, ?> m) m.values().forEach(x -> out.addAll(plainClasses(x)));
    if (v instanceof List<?> l) l.forEach(x -> out.addAll(plainClasses(x)));
    return out;
  }

  /** Every node's class, depth first. */
  private static List<Class<?>> classes(JsonNode node) {
    List<Class<?>> out = new java.util.ArrayList<>();
    out.add(node.getClass());
    for (JsonNode child : node) out.addAll(classes(child));
    return out;
  }
}
