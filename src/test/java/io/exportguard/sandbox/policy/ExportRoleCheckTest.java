package io.exportguard.sandbox.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportRoleCheckTest {
  private static final String EIGHT = "[oss:GetObject, oss:PutObject, oss:DeleteObject, oss:GetBucketLocation, oss:GetBucketInfo, "
      + "oss:AbortMultipartUpload, oss:ListMultipartUploads, oss:ListParts]";
  private static final String TRUST = "{ Version: \"1\", Statement: [ { Action: sts:AssumeRole, Effect: Allow, Principal: { Service: [ ecs.aliyuncs.com ] } } ] }";

  static Scenario scenario(String trust, String statements, String bucketPolicy) {
    String yaml = """
        account: { id: "1234567890123456", accessKeys: [ { id: a, secret: b } ] }
        roles: [ { name: R, trustPolicy: %s, attachedPolicies: [ P ] } ]
        policies: [ { name: P, document: { Version: "1", Statement: %s } } ]
        buckets: [ { name: bkt, region: cn-hangzhou%s } ]
        """.formatted(trust, statements, bucketPolicy == null ? "" : ", policy: " + bucketPolicy);
    return ScenarioLoader.parse("role.yaml", yaml);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(TRUST, "[ { Effect: Allow, Action: " + EIGHT + ", Resource: \"*\" } ]", null, null),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: [ \"acs:oss:*:*:bkt\", \"acs:oss:*:*:bkt/*\" ] } ]", null, null),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"acs:oss:*:*:other/*\" } ]", null, "do not allow oss:GetBucketLocation"),
        Arguments.of(TRUST, "[ { Effect: Allow, NotAction: oss:ListParts, Resource: \"*\" } ]", null, "do not allow oss:ListParts"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\", Condition: { IpAddress: { acs:SourceIp: 10.0.0.0/8 } } } ]",
            null, "do not allow"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" }, { Effect: Deny, Action: oss:putobject, Resource: \"*\" } ]",
            null, "a Deny matches oss:PutObject"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" } ]",
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ \"*\" ], Action: [ \"oss:Delete*\" ], Resource: [ \"acs:oss:*:1234567890123456:bkt/*\" ] } ] }",
            "a Deny matches oss:DeleteObject"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" } ]",
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ \"999\" ], Action: [ \"oss:*\" ], Resource: [ \"*\" ] } ] }", null),
        Arguments.of("{ Version: \"1\", Statement: [ { Action: sts:AssumeRole, Effect: Allow, Principal: { Service: [ fc.aliyuncs.com ] } } ] }",
            "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" } ]", null, "does not allow ecs.aliyuncs.com"),
        Arguments.of("{ Version: \"1\", Statement: [ { Action: \"sts:*\", Effect: Allow, Principal: { Service: [ \"*.aliyuncs.com\" ] } } ] }",
            "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" } ]", null, null));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void decidesLikeTheService(String trust, String statements, String bucketPolicy, String problem) {
    Optional<String> result = ExportRoleCheck.problem(scenario(trust, statements, bucketPolicy), "R", "cn-hangzhou", "bkt",
        "m-1_system.raw.tar.gz");
    if (problem == null) {
      assertThat(result).isEmpty();
    } else {
      assertThat(result).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }
  }

  @Test
  void aMissingRoleIsAProblemWhateverTheOtherRolesAllow() {
    Scenario s = scenario(TRUST, "[ { Effect: Allow, Action: \"*\", Resource: \"*\" } ]", null);
    assertThat(ExportRoleCheck.problem(s, "Other", "cn-hangzhou", "bkt", "k")).hasValue("the role Other does not exist");
  }
}
