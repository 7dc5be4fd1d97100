package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.rego.value.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A facts tree converted node by node is the value its JSON text parses to. */
class RegoValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "null", "true", "\"x\"", "0", "-7", "3.25", "1e300", "12345678901234567890123",
      "{\"b\": [1, 2.5, {\"c\": null, \"a\": false}], \"a\": \"\\u00e9\\ud83d\\ude00\", \"z\": {\"\": -0.0}}",
      "[[[]], {\"k\": [\"v\", 9007199254740993]}]",
  })
  void equalsTheParsedText(String text) throws Exception {
    JsonNode tree = JSON.readTree(text);
    assertThat(RegoValues.of(tree)).isEqualTo(Json.parse(tree.toString()));
  }

  @Test
  void numbersBuiltInTheTreeKeepTheirValue() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("int", 5).put("long", Long.MIN_VALUE).put("double", 0.1).put("float", 2.5f)
        .put("big", new BigInteger("99999999999999999999")).put("dec", new BigDecimal("1.50"));
    o.putNull("nothing");
    assertThat(RegoValues.of(o)).isEqualTo(Json.parse(o.toString()));
  }
}
