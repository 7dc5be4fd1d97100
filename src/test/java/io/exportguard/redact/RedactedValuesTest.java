package io.exportguard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactedValuesTest {
  record Inner(String text, int n) {}

  record Outer(String name, List<Inner> items, Map<String, String> fields, JsonNode tree, Inner single) {}

  final Redactor r = new Redactor();

  RedactedValuesTest() {
    r.addSecret("s3cr3t-value");
  }

  @Test
  void everyStringInARecordTreeIsRedacted() throws Exception {
    JsonNode tree = new ObjectMapper().readTree("{\"a\": [\"x s3cr3t-value\", {\"b\": \"s3cr3t-value\"}], \"n\": 1}");
    Outer o = new Outer("n s3cr3t-value", List.of(new Inner("s3cr3t-value!", 1), new Inner("plain", 2)),
        Map.of("k", "v=s3cr3t-value"), tree, new Inner("ok", 3));
    Outer clean = RedactedValues.of(o, r);
    assertThat(clean.toString()).doesNotContain("s3cr3t-value");
    assertThat(clean.name()).isEqualTo("n [REDACTED]");
    assertThat(clean.items().get(0)).isEqualTo(new Inner("[REDACTED]!", 1));
    assertThat(clean.items().get(1)).isSameAs(o.items().get(1));
    assertThat(clean.single()).isSameAs(o.single());
    assertThat(clean.tree().path("n").asInt()).isEqualTo(1);
    assertThat(o.tree().toString()).as("the original tree is left alone").contains("s3cr3t-value");
  }

  enum Level { LOW, HIGH }

  record Counted(Level level, int n, long size, Integer boxed, java.time.Instant at, String text) {}

  @Test
  void aRebuiltRecordKeepsItsCountsEnumsAndTimes() {
    Counted c = new Counted(Level.HIGH, 7, 1L << 40, 42, java.time.Instant.ofEpochSecond(5), "key s3cr3t-value");
    Counted clean = RedactedValues.of(c, r);
    assertThat(clean).isEqualTo(new Counted(Level.HIGH, 7, 1L << 40, 42, java.time.Instant.ofEpochSecond(5),
        "key [REDACTED]"));
    Counted plain = new Counted(Level.LOW, 0, 0, null, null, "plain");
    assertThat(RedactedValues.of(plain, r)).isSameAs(plain);
  }

  @Test
  void aValueWithNothingToRedactIsReturnedAsItIs() throws Exception {
    Outer o = new Outer("plain", List.of(), Map.of(), null, null);
    assertThat(RedactedValues.of(o, r)).isSameAs(o);
    JsonNode tree = new ObjectMapper().readTree("{\"a\": [\"x\", {\"b\": \"plain\", \"c\": null}], \"n\": 1}");
    Outer withTree = new Outer("plain", List.of(new Inner("ok", 1)), Map.of("k", "v"), tree, null);
    assertThat(RedactedValues.of(withTree, r)).as("a tree with nothing to redact is not copied").isSameAs(withTree);
  }

  @Test
  void aTreeWithOneSecretDeepInsideIsCopiedAndRedacted() throws Exception {
    JsonNode tree = new ObjectMapper().readTree("{\"a\": [\"x\", {\"b\": [1, {\"c\": \"k=s3cr3t-value\"}]}]}");
    Outer o = new Outer("plain", List.of(), Map.of(), tree, null);
    Outer clean = RedactedValues.of(o, r);
    assertThat(clean).isNotSameAs(o);
    assertThat(clean.tree().toString()).doesNotContain("s3cr3t-value").contains("k=[REDACTED]");
    assertThat(o.tree().toString()).contains("s3cr3t-value");
  }

  @Test
  void aTreeThatIsOneTextIsRedactedToo() {
    Outer o = new Outer("plain", List.of(), Map.of(), com.fasterxml.jackson.databind.node.TextNode.valueOf(
        "k=s3cr3t-value"), null);
    Outer clean = RedactedValues.of(o, r);
    assertThat(clean.tree().textValue()).isEqualTo("k=[REDACTED]");
    assertThat(o.tree().textValue()).contains("s3cr3t-value");
  }
}
