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

  private static final String ALL = "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" } ]";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(TRUST, "[ { Effect: Allow, Action: " + EIGHT + ", Resource: \"*\" } ]", null, null),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: [ \"acs:oss:*:*:bkt\", \"acs:oss:*:*:bkt/*\" ] } ]", null, null),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"acs:oss:*:*:other/*\" } ]", null, "certainly allows role R oss:GetBucketLocation"),
        Arguments.of(TRUST, "[ { Effect: Allow, NotAction: oss:ListParts, Resource: \"*\" } ]", null, "oss:ListParts"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\", Condition: { IpAddress: { acs:SourceIp: 10.0.0.0/8 } } } ]",
            null, "certainly allows"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: [ \"acs:oss:cn-hangzhou:*:bkt\", \"acs:oss:cn-hangzhou:*:bkt/*\" ] } ]",
            null, "certainly allows"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: [ \"acs:oss:*:*:bkt\", \"acs:oss:*:*:bkt/p_m-1_system*\" ] } ]",
            null, "oss:GetObject"),
        Arguments.of(TRUST, "[ { Effect: allow, Action: \"oss:*\", Resource: \"*\" } ]", null, "certainly allows"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" }, { Effect: Deny, Action: oss:putobject, Resource: \"*\" } ]",
            null, "a Deny may match oss:PutObject"),
        Arguments.of(TRUST, "[ { Effect: Allow, Action: \"oss:*\", Resource: \"*\" }, { Effect: deny, Action: oss:PutObject, Resource: \"acs:oss:oss-cn-hangzhou:*:bkt/p_m-1_data-xvdb.raw.tar.gz\" } ]",
            null, "a Deny may match oss:PutObject"),
        Arguments.of(TRUST, ALL,
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ \"*\" ], Action: [ \"oss:Delete*\" ], Resource: [ \"acs:oss:*:1234567890123456:bkt/*\" ] } ] }",
            "a Deny may match oss:DeleteObject"),
        Arguments.of(TRUST, ALL,
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ ], Action: [ \"oss:PutObject\" ], Resource: [ \"*\" ] } ] }",
            "a Deny may match oss:PutObject"),
        Arguments.of(TRUST, ALL,
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ \"arn:sts::1234567890123456:assumed-role/r/*\" ], Action: [ \"oss:*\" ], Resource: [ \"*\" ] } ] }",
            "a Deny may match"),
        Arguments.of(TRUST, ALL,
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ \"arn:sts::2222222222222222:assumed-role/R/*\" ], Action: [ \"oss:*\" ], Resource: [ \"*\" ] } ] }",
            null),
        Arguments.of(TRUST, ALL,
            "{ Version: \"1\", Statement: [ { Effect: Deny, Principal: [ \"999\" ], Action: [ \"oss:*\" ], Resource: [ \"*\" ] } ] }", null),
        Arguments.of(TRUST, "[ ]",
            "{ Version: \"1\", Statement: [ { Effect: Allow, Principal: [ \"arn:sts::1234567890123456:assumed-role/*/*\" ], Action: [ \"oss:*\" ], Resource: [ \"acs:oss:*:*:bkt\", \"acs:oss:*:*:bkt/*\" ] } ] }",
            null),
        Arguments.of(TRUST, "[ ]",
            "{ Version: \"1\", Statement: [ { Effect: Allow, Principal: [ \"1234567890123456\" ], Action: [ \"oss:*\" ], Resource: [ \"*\" ] } ] }",
            "certainly allows"),
        Arguments.of("{ Version: \"1\", Statement: [ { Action: sts:AssumeRole, Effect: Allow, Principal: { Service: [ fc.aliyuncs.com ] } } ] }",
            ALL, null, "does not let ecs.aliyuncs.com assume it"),
        Arguments.of("{ Version: \"1\", Statement: [ { Action: \"sts:*\", Effect: Allow, Principal: { Service: [ \"*.aliyuncs.com\" ] } } ] }",
            ALL, null, "does not let ecs.aliyuncs.com assume it"),
        Arguments.of("{ Version: \"1\", Statement: [ { Action: sts:AssumeRole, Effect: Allow, Principal: \"*\" } ] }",
            ALL, null, "does not let ecs.aliyuncs.com assume it"),
        Arguments.of("{ Version: \"1\", Statement: [ { Action: sts:AssumeRole, Effect: Allow, Principal: { Service: [ ecs.aliyuncs.com ] } },"
            + " { Action: sts:AssumeRole, Effect: Deny, Principal: { Service: [ \"*\" ] } } ] }",
            ALL, null, "does not let ecs.aliyuncs.com assume it"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void decidesLikeThePolicyPack(String trust, String statements, String bucketPolicy, String problem) {
    Optional<String> result = ExportRoleCheck.problem(scenario(trust, statements, bucketPolicy), "R", "bkt", "p");
    if (problem == null) {
      assertThat(result).isEmpty();
    } else {
      assertThat(result).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }
  }

  @Test
  void aMissingRoleIsAProblemWhateverTheOtherRolesAllow() {
    Scenario s = scenario(TRUST, "[ { Effect: Allow, Action: \"*\", Resource: \"*\" } ]", null);
    assertThat(ExportRoleCheck.problem(s, "Other", "bkt", null)).hasValue("the role Other does not exist");
  }
}
