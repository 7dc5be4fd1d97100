package io.exportguard.sandbox.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatementTest {
  @ParameterizedTest
  @CsvSource({
      "*, anything, true",
      "*, '', true",
      "oss:Get*, oss:GetObject, true",
      "oss:Get*, oss:PutObject, false",
      "oss:?etObject, oss:GetObject, true",
      "oss:?etObject, oss:etObject, false",
      "acs:oss:*:*:bucket/*, acs:oss:cn-hangzhou:1:bucket/a/b.raw, true",
      "acs:oss:*:*:bucket/*, acs:oss:cn-hangzhou:1:bucket, false",
      "acs:oss:*:*:bucket, acs:oss:cn-hangzhou:1:bucket, true",
      "a*b*c, aXbYc, true",
      "a*b*c, aXbY, false",
      "**, x, true"})
  void globMatchesWholeStrings(String pattern, String text, boolean expected) {
    assertThat(Statement.glob(pattern, text)).isEqualTo(expected);
  }

  @Test
  void statementsNormalizeSingleValuesAndNotAction() {
    List<Statement> s = Statement.parse("""
        {"Version":"1","Statement":{"Effect":"Allow","NotAction":"oss:Delete*","Resource":"acs:oss:*:*:b/*"}}""");
    assertThat(s).hasSize(1);
    assertThat(s.get(0).allow()).isTrue();
    assertThat(s.get(0).matchesAction("oss:GetObject")).isTrue();
    assertThat(s.get(0).matchesAction("OSS:deleteObject")).isFalse();
    assertThat(s.get(0).matchesResource("acs:oss:cn-hangzhou:1:b/k")).isTrue();
    assertThat(Statement.parse("not json")).isEmpty();
  }
}
