package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDocumentsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // raw | normalized
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}} | {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],\"Resource\":[\"*\"]}]}",
      "{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"oss:*\",\"NotResource\":[\"a\"]}]} | {\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":[\"oss:*\"],\"NotResource\":[\"a\"]}]}",
      "{\"Statement\":[{\"Principal\":{\"Service\":\"ecs.aliyuncs.com\",\"RAM\":[\"acs:ram::1:root\"]}}]} | {\"Statement\":[{\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"],\"RAM\":[\"acs:ram::1:root\"]}}]}",
      "{\"Statement\":[{\"Principal\":\"*\"}]} | {\"Statement\":[{\"Principal\":[\"*\"]}]}",
      "{\"Version\":\"1\"} | {\"Version\":\"1\"}",
  })
  void normalizesEverySpelling(String raw, String expected) throws Exception {
    assertThat(PolicyDocuments.parse(raw)).isEqualTo(FactsJson.mapper().readTree(expected));
  }

  @Test
  void notAnObjectIsNull() {
    assertThat(PolicyDocuments.parse("not json")).isNull();
    assertThat(PolicyDocuments.parse("[1]")).isNull();
    assertThat(PolicyDocuments.parse(null)).isNull();
  }
}
