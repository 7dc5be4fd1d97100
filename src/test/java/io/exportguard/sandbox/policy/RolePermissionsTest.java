package io.exportguard.sandbox.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a role's session may call, from the role's attached policies, as RAM decides it. */
class RolePermissionsTest {

  static Scenario scenario(String statements) {
    String yaml = """
        account: { id: "1234567890123456", accessKeys: [ { id: a, secret: b } ] }
        roles: [ { name: Reader, trustPolicy: { Version: "1", Statement: [] }, attachedPolicies: [ P, Q ] } ]
        policies:
          - { name: P, document: { Version: "1", Statement: %s } }
          - { name: Q, document: { Version: "1", Statement: [ { Effect: Allow, Action: "oss:GetBucketAcl", Resource: "*" } ] } }
        """.formatted(statements);
    return ScenarioLoader.parse("roles.yaml", yaml);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(delimiter = '|', value = {
      "[ { Effect: Allow, Action: [ \"ecs:Describe*\", \"ram:List*\" ], Resource: \"*\" } ]  | ecs:DescribeImages | ",
      "[ { Effect: Allow, Action: [ \"ecs:Describe*\", \"ram:List*\" ], Resource: \"*\" } ]  | ram:ListUsers      | ",
      "[ { Effect: Allow, Action: [ \"ecs:Describe*\", \"ram:List*\" ], Resource: \"*\" } ]  | ram:GetRole        | ImplicitDeny",
      "[ { Effect: Allow, Action: \"*\", Resource: \"acs:ecs:*:*:*\" } ]                         | ecs:DescribeImages | ",
      "[ { Effect: Allow, Action: \"*\", Resource: \"acs:ecs:*:*:*\" } ]                         | ram:ListUsers      | ImplicitDeny",
      "[ { Effect: Allow, Action: \"ecs:*\", Resource: \"acs:ecs:cn-hangzhou:*:*\" } ]          | ecs:DescribeImages | ImplicitDeny",
      "[ { Effect: Allow, Action: \"ram:*\", Resource: \"*\", Condition: { Bool: { acs:MFAPresent: true } } } ] | ram:ListUsers | ImplicitDeny",
      "[ { Effect: Allow, NotAction: \"ram:*\", Resource: \"*\" } ]                             | ecs:DescribeTasks  | ",
      "[ { Effect: Allow, NotAction: \"ram:*\", Resource: \"*\" } ]                             | ram:ListRoles      | ImplicitDeny",
      "[ { Effect: Allow, Action: \"*\", Resource: \"*\" }, { Effect: Deny, Action: \"ram:List*\", Resource: \"*\" } ] | ram:ListGroups | ExplicitDeny",
      "[ { Effect: Allow, Action: \"*\", Resource: \"*\" }, { Effect: Deny, Action: \"ram:List*\", Resource: \"*\" } ] | ram:GetPolicy  | ",
      "[]                                                                                       | oss:GetBucketAcl   | ",
      "[]                                                                                       | oss:GetBucketInfo  | ImplicitDeny",
  })
  void decides(String statements, String action, String refusal) {
    assertThat(RolePermissions.refusal(scenario(statements), "reader", action)).isEqualTo(refusal);
  }

  @ParameterizedTest
  @CsvSource({"ecs:DescribeImages", "oss:GetBucketAcl"})
  void aRoleTheScenarioDoesNotHaveMayCallNothing(String action) {
    assertThat(RolePermissions.refusal(scenario("[]"), "Nobody", action)).isEqualTo(RolePermissions.IMPLICIT_DENY);
  }
}
