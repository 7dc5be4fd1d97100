package io.exportguard.sandbox.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportImageRulesTest {
  @ParameterizedTest
  @CsvSource({
      "web-base, true",
      "Web_base.v2, true",
      "镜像-1, true",
      "ab, true",
      "a, false",
      "1web, false",
      "_web, false",
      "web base, false",
      "web/base, false",
      "http://x, false",
      "web:base, false"})
  void imageNamesFollowTheNamingRule(String name, boolean valid) {
    assertThat(ExportImageRules.validImageName(name)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"128, true", "129, false"})
  void imageNamesAreAtMost128Characters(int length, boolean valid) {
    assertThat(ExportImageRules.validImageName("a".repeat(length))).isEqualTo(valid);
  }
}
