package io.exportguard.sandbox.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.policy.Patterns.Hole;
import io.exportguard.sandbox.policy.Patterns.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same cases as policies/exportguard/lib/patterns_test.rego: the sandbox and the pack agree. */
class PatternsTest {
  private static final Template OBJECTS = Template.of("acs:oss:", Hole.REGION, ":123:b/exports", Hole.OBJECT);
  private static final Template BUCKET = Template.of("acs:oss:", Hole.REGION, ":123:b");

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
      "a*b*c, aXbYc, true",
      "a*b*c, aXbY, false",
      "a.c, abc, false",
      "**, x, true"})
  void globMatchesWholeStrings(String pattern, String text, boolean expected) {
    assertThat(Patterns.glob(pattern, text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "*, true",
      "acs:oss:*:*:b/*, true",
      "acs:oss:*:123:b/exports*, true",
      "acs:oss:cn-hangzhou:*:b/*, false",
      "acs:oss:oss-cn-hangzhou:*:b/*, false",
      "acs:oss:*:*:b/exports_*, false",
      "acs:oss:*:*:b/exports/*, false",
      "acs:oss:*:*:b/exports*.raw.tar.gz, false",
      "acs:oss:*:999:b/*, false",
      "acs:oss:?:*:b/*, false"})
  void mustMatchNeedsEveryRegionAndObjectName(String pattern, boolean expected) {
    assertThat(Patterns.mustMatch(pattern, OBJECTS)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "acs:oss:cn-hangzhou:*:b/*, true",
      "acs:oss:oss-cn-shanghai:123:b/exports*, true",
      "acs:oss:*:*:b/exports_m-1_data-xvdb.raw.tar.gz, true",
      "acs:oss:*:*:b/exports/*, false",
      "acs:oss:*:*:b/exports:x, false",
      "acs:oss:*:*:b/other*, false",
      "acs:oss:*:999:b/*, false",
      "acs:oss:*:*:b, false"})
  void mayMatchNeedsSomeRegionOrObjectName(String pattern, boolean expected) {
    assertThat(Patterns.mayMatch(pattern, OBJECTS)).isEqualTo(expected);
  }

  @Test
  void bucketTemplatesAndCase() {
    assertThat(Patterns.mayMatch("*", BUCKET)).isTrue();
    assertThat(Patterns.mayMatch("acs:oss:*:*:b/*", BUCKET)).isFalse();
    assertThat(Patterns.mustMatch("acs:oss:*:*:b*", BUCKET)).isTrue();
    Template session = Template.of("arn:sts::123:assumed-role/role/", Hole.SESSION);
    assertThat(Patterns.mayMatchIgnoreCase("ARN:STS::123:ASSUMED-ROLE/Role/*", session)).isTrue();
    assertThat(Patterns.mayMatch("ARN:STS::123:ASSUMED-ROLE/Role/*", session)).isFalse();
    assertThat(OBJECTS.show()).isEqualTo("acs:oss:*:123:b/exports*");
  }
}
