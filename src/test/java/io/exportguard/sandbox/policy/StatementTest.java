package io.exportguard.sandbox.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.policy.Patterns.Hole;
import io.exportguard.sandbox.policy.Patterns.Template;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementTest {
  private static final Template OBJECTS = Template.of("acs:oss:", Hole.REGION, ":1:b/p", Hole.OBJECT);

  private static Statement one(String statementJson) {
    return Statement.parse("{\"Version\":\"1\",\"Statement\":[" + statementJson + "]}").get(0);
  }

  @Test
  void singleStatementsAndNotAction() {
    List<Statement> s = Statement.parse("""
        {"Version":"1","Statement":{"Effect":"Allow","NotAction":"oss:Delete*","Resource":"acs:oss:*:*:b/*"}}""");
    assertThat(s).hasSize(1);
    assertThat(s.get(0).grants()).isTrue();
    assertThat(s.get(0).actionCovers("oss:GetObject")).isTrue();
    assertThat(s.get(0).actionCovers("OSS:deleteObject")).isFalse();
    assertThat(s.get(0).resourceCovers(OBJECTS)).isTrue();
    assertThat(Statement.parse("not json")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}                                 | true  | false",
      "{\"Effect\":\"allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}                                 | false | false",
      "{\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"*\"}                                  | false | true",
      "{\"Effect\":\"deny\",\"Action\":\"oss:*\",\"Resource\":\"*\"}                                  | false | true",
      "{\"Action\":\"oss:*\",\"Resource\":\"*\"}                                                      | false | true",
      "{\"effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}                                 | false | false",
      "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"k\":\"v\"}}} | false | false",
      "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\",\"Condition\":{}}                  | true  | false"})
  void effectsAreReadAsDocumented(String statement, boolean grants, boolean mayDeny) {
    assertThat(one(statement).grants()).isEqualTo(grants);
    assertThat(one(statement).mayDeny()).isEqualTo(mayDeny);
  }

  @Test
  void onlyVersion1DocumentsGrantButEveryDocumentDenies() {
    String allow = "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}";
    assertThat(Statement.parse("{\"Statement\":[" + allow + "]}").get(0).grants()).isFalse();
    assertThat(Statement.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + allow + "]}").get(0).grants()).isFalse();
    assertThat(Statement.parse("{\"Version\":\"1\",\"statement\":[" + allow + "]}").get(0).grants()).isFalse();
    assertThat(Statement.parse("{\"statement\":[{\"Effect\":\"Deny\"}]}").get(0).mayDeny()).isTrue();
  }

  @Test
  void denyElementsAreReadUnderAnySpellingAndFailClosed() {
    Statement d = one("{\"effect\":\"Deny\",\"action\":[\"oss:GetObject\"],\"resource\":[\"*\"]}");
    assertThat(d.actionMayCover("oss:GetObject")).isTrue();
    assertThat(d.actionMayCover("oss:PutObject")).isFalse();
    assertThat(d.resourceMayCover(OBJECTS)).isTrue();
    assertThat(one("{\"Effect\":\"Deny\"}").actionMayCover("oss:PutObject")).isTrue();
    assertThat(one("{\"Effect\":\"Deny\"}").resourceMayCover(OBJECTS)).isTrue();
    assertThat(one("{\"Effect\":\"Deny\",\"NotResource\":\"acs:oss:*:*:b/*\"}").resourceMayCover(OBJECTS)).isFalse();
    assertThat(one("{\"Effect\":\"Deny\",\"NotResource\":\"acs:oss:*:*:x/*\"}").resourceMayCover(OBJECTS)).isTrue();
  }

  @Test
  void allowResourcesMustCoverEveryRegionAndObject() {
    assertThat(one("{\"Effect\":\"Allow\",\"Resource\":\"acs:oss:*:*:b/p*\"}").resourceCovers(OBJECTS)).isTrue();
    assertThat(one("{\"Effect\":\"Allow\",\"Resource\":\"acs:oss:cn-hangzhou:*:b/*\"}").resourceCovers(OBJECTS)).isFalse();
    assertThat(one("{\"Effect\":\"Allow\",\"Resource\":\"acs:oss:*:*:b/p_*\"}").resourceCovers(OBJECTS)).isFalse();
    assertThat(one("{\"Effect\":\"Allow\",\"NotResource\":\"acs:oss:*:*:x/*\"}").resourceCovers(OBJECTS)).isFalse();
  }

  @Test
  void principalsIncludeTheEmptyListAsEveryone() {
    assertThat(one("{\"Effect\":\"Deny\",\"Principal\":[]}").principals()).extracting(Statement.Principal::text).containsExactly("*");
    assertThat(one("{\"Effect\":\"Deny\",\"Principal\":{\"RAM\":\"acs:ram::1:root\"}}").principals())
        .extracting(Statement.Principal::kind, Statement.Principal::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RAM", "acs:ram::1:root"));
    assertThat(one("{\"Effect\":\"Deny\",\"principal\":[\"*\"]}").documentedPrincipals()).isNull();
    assertThat(one("{\"Effect\":\"Deny\",\"NotPrincipal\":[\"1\"]}").principalUnbounded()).isTrue();
  }
}
