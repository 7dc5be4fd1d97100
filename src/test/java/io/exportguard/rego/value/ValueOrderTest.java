package io.exportguard.rego.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

  @Test
  void ordersAcrossTypesAsOpaDoes() {
    List<Value> expected = List.of(
        NullValue.INSTANCE, BooleanValue.FALSE, BooleanValue.TRUE, NumberValue.of(-1), NumberValue.parse("1.5"),
        StringValue.of("a"), StringValue.of("b"), ArrayValue.of(NumberValue.ONE),
        ObjectValue.builder().put("a", NumberValue.ONE).build(), SetValue.of(NumberValue.ONE));
    List<Value> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void numbersAreEqualByValue() {
    assertThat(NumberValue.parse("1.0")).isEqualTo(NumberValue.of(1)).hasSameHashCodeAs(NumberValue.of(1));
    assertThat(SetValue.of(NumberValue.parse("1.0"), NumberValue.of(1)).size()).isEqualTo(1);
    assertThat(NumberValue.parse("1.0").toString()).isEqualTo("1");
    assertThat(NumberValue.parse("123456789012345678901234567890").toString())
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void stringsOrderByCodePoint() {
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in code-point order.
    assertThat(StringValue.of("\uD83D\uDE00").compareTo(StringValue.of("\uFF5E"))).isPositive();
  }

  @Test
  void jsonRoundTripKeepsPrecisionAndSortsKeys() {
    Value v = Json.parse("{\"b\": [1, 2.50, 1e400], \"a\": null}");
    assertThat(Json.write(v)).isEqualTo("{\"a\":null,\"b\":[1,2.5,1e+400]}");
  }
}
