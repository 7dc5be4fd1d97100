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

  /** Every node's class, depth first. */
  private static List<Class<?>> classes(JsonNode node) {
    List<Class<?>> out = new java.util.ArrayList<>();
    out.add(node.getClass());
    for (JsonNode child : node) out.addAll(classes(child));
    return out;
  }
}
