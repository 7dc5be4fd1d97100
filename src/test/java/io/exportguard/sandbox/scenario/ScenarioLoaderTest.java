package io.exportguard.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  private static final String MINIMAL = """
      account: { id: "1", accessKeys: [ { id: ak, secret: sk } ] }
      images:
        - id: m-1
          region: cn-hangzhou
          name: base
          disks:
            - { device: /dev/xvda, type: system, sizeGiB: 40, snapshotId: s-1 }
      snapshots: [ { id: s-1 } ]
      """;

  @Test
  void minimalScenarioGetsTheDocumentedDefaults() {
    Scenario s = ScenarioLoader.parse("min.yaml", MINIMAL);
    assertThat(s.regions()).extracting(Scenario.Region::id).containsExactly("cn-hangzhou");
    assertThat(s.regions().get(0).exportSupported()).isTrue();
    Scenario.Image image = s.images().get(0);
    assertThat(image.status()).isEqualTo("Available");
    assertThat(image.ownerAlias()).isEqualTo("self");
    assertThat(image.osType()).isEqualTo("linux");
    assertThat(image.licenseExportable()).isTrue();
    assertThat(s.snapshots().get(0).status()).isEqualTo("accomplished");
    assertThat(s.quotas()).isEqualTo(new Scenario.Quotas(5, 100, true));
    assertThat(s.behaviour().exportSeconds()).isEqualTo(2.0);
    assertThat(s.account().accessKeys().get(0).securityToken()).isNull();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(MINIMAL.replace("snapshotId: s-1 }", "snapshotId: s-x }"),
            "scenario t.yaml: images[0].disks[0].snapshotId: no snapshot s-x"),
        Arguments.of(MINIMAL + "colour: red\n", "scenario t.yaml: colour: unknown key"),
        Arguments.of(MINIMAL.replace("name: base", "name: base\n    colour: red"), "scenario t.yaml: images[0].colour: unknown key"),
        Arguments.of(MINIMAL.replace("sizeGiB: 40, ", ""), "scenario t.yaml: images[0].disks[0].sizeGiB: is required"),
        Arguments.of(MINIMAL.replace("sizeGiB: 40", "sizeGiB: big"), "scenario t.yaml: images[0].disks[0].sizeGiB: must be a whole number"),
        Arguments.of(MINIMAL.replace("type: system", "type: root"), "scenario t.yaml: images[0].disks[0].type: must be one of system, data"),
        Arguments.of(MINIMAL.replace("type: system", "type: data"), "scenario t.yaml: images[0].disks: needs exactly one disk of type system"),
        Arguments.of(MINIMAL.replace("region: cn-hangzhou", "region: cn-shanghai"), "scenario t.yaml: images[0].region: no region cn-shanghai"),
        Arguments.of(MINIMAL + "roles: [ { name: r, trustPolicy: {}, attachedPolicies: [ P ] } ]\n",
            "scenario t.yaml: roles[0].attachedPolicies[0]: no policy P"),
        Arguments.of(MINIMAL + "roles: [ { name: r } ]\n", "scenario t.yaml: roles[0].trustPolicy: is required"),
        Arguments.of(MINIMAL + "policies: [ { name: p, document: '{not json' } ]\n", "scenario t.yaml: policies[0].document: is not valid JSON"),
        Arguments.of(MINIMAL + "buckets: [ { name: Bad_Name, region: cn-hangzhou } ]\n", "scenario t.yaml: buckets[0].name: 'Bad_Name' is not a valid bucket name"),
        Arguments.of(MINIMAL + "buckets: [ { name: b-1, region: cn-hangzhou, acl: open } ]\n", "scenario t.yaml: buckets[0].acl: must be one of private"),
        Arguments.of(MINIMAL + "objects: [ { bucket: nope, key: a } ]\n", "scenario t.yaml: objects[0].bucket: no bucket nope"),
        Arguments.of(MINIMAL + "tasks: [ { id: t-1, imageId: m-2 } ]\n", "scenario t.yaml: tasks[0].imageId: no image m-2"),
        Arguments.of(MINIMAL + "tasks: [ { id: t-1, imageId: m-1, createdAt: yesterday } ]\n", "scenario t.yaml: tasks[0].createdAt: must be an ISO-8601"),
        Arguments.of(MINIMAL + "users: [ { name: u, groups: [ g ] } ]\n", "scenario t.yaml: users[0].groups[0]: no group g"),
        Arguments.of(MINIMAL + "groups: [ { name: g, attachedPolicies: [ P ] } ]\n", "scenario t.yaml: groups[0].attachedPolicies[0]: no policy P"),
        Arguments.of(MINIMAL + "users: [ { name: u }, { name: u } ]\n", "scenario t.yaml: users[1].name: duplicate name u"),
        Arguments.of(MINIMAL + "buckets: [ { name: b-1, region: cn-hangzhou, owner: someone } ]\n", "scenario t.yaml: buckets[0].owner: must be a numeric account id"),
        Arguments.of(MINIMAL + "tasks: [ { id: t-1, imageId: m-1, action: ImportImage, ossBucket: b-1 } ]\n", "scenario t.yaml: tasks[0].ossBucket: only an ExportImage task"),
        Arguments.of(MINIMAL + "tasks: [ { id: t-1, imageId: m-1, ossPrefix: p } ]\n", "scenario t.yaml: tasks[0].ossBucket: is required when ossPrefix"),
        Arguments.of(MINIMAL + "tasks: [ { id: t-1, imageId: m-1, errorCode: X } ]\n", "scenario t.yaml: tasks[0].errorCode: only a Failed task"),
        Arguments.of(MINIMAL + "faults: [ { api: '*', latencyMs: 5, perApi: true } ]\n", "scenario t.yaml: faults[0].perApi: only applies to a ratePerSecond"),
        Arguments.of(MINIMAL + "quotas: { concurrentExports: -1 }\n", "scenario t.yaml: quotas.concurrentExports: must be between 0"),
        Arguments.of(MINIMAL + "behaviour: { exportSeconds: soon }\n", "scenario t.yaml: behaviour.exportSeconds: must be a number"),
        Arguments.of(MINIMAL + "faults: [ { api: 'ecs DescribeImages', error: X } ]\n", "scenario t.yaml: faults[0].api: must be ecs:<Action>"),
        Arguments.of(MINIMAL + "faults: [ { api: '*' } ]\n", "scenario t.yaml: faults[0]: a fault needs error"),
        Arguments.of(MINIMAL + "faults: [ { api: '*', error: X, times: 1, probability: 0.5 } ]\n", "scenario t.yaml: faults[0].probability: give either times or probability"),
        Arguments.of(MINIMAL + "faults: [ { api: '*', times: 2 } ]\n", "scenario t.yaml: faults[0].error: is required"),
        Arguments.of(MINIMAL + "snapshots: [ { id: s-2 } ]\n", "scenario t.yaml:"),
        Arguments.of(MINIMAL.replace("snapshots: [ { id: s-1 } ]", "snapshots: [ { id: s-1 }, { id: s-1 } ]"), "scenario t.yaml: snapshots[1].id: duplicate id s-1"),
        Arguments.of("account: { id: abc, accessKeys: [ { id: a, secret: b } ] }\n", "scenario t.yaml: account.id: must be a numeric account id"),
        Arguments.of("account: { id: 1, accessKeys: [] }\n", "scenario t.yaml: account.accessKeys: needs at least one access key"),
        Arguments.of("images: []\n", "scenario t.yaml: account: is required"),
        Arguments.of("", "scenario t.yaml: the file is empty"),
        Arguments.of("- a\n- b\n", "scenario t.yaml: the top level must be a mapping"),
        Arguments.of("account: [\n", "scenario t.yaml:1:11: while parsing a flow node: expected the node content"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidScenariosNameTheKeyPath(String yaml, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse("t.yaml", yaml)).isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
  }

  @Test
  void policyDocumentsBecomeJsonTextAndJsonTextIsKeptAsWritten() {
    Scenario s = ScenarioLoader.parse("p.yaml", MINIMAL + """
        policies:
          - { name: a, document: { Version: "1", Statement: [] } }
          - { name: b, document: '{ "Version": "1",  "Statement": [] }' }
        """);
    assertThat(s.policies()).extracting(Scenario.Policy::document)
        .containsExactly("{\"Version\":\"1\",\"Statement\":[]}", "{ \"Version\": \"1\",  \"Statement\": [] }");
  }

  @Test
  void unknownNameIsReportedAsNeitherBuiltInNorFile() {
    assertThatThrownBy(() -> ScenarioLoader.load("no-such-scenario")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("no built-in scenario of that name and no such file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-pass", "demo-fail", "MissingParameter", "InvalidOSSPrefix.Malformed", "InvalidImageFormat.Malformed",
      "InvalidRegionId.NotFound", "InvalidRegion.NotSupport", "InvalidImageId.NotFound", "InvalidImageName.Malformed",
      "IncorrectImageStatus", "ImageNotSupported", "InvalidImage.DiskAmountOrSize", "ImageIsExporting",
      "ConcurrentQuotaExceed.ExportImage", "WeeklyQuotaExceed.ExportImage", "UserNotInTheWhiteList",
      "NoSetRoletoECSServiceAcount", "InvalidOSSBucket.NotFound", "InvalidOSSBucket.NotMatched", "InvalidImageLicense.NotSupported"})
  void everyBuiltInScenarioLoadsAndStartsWithItsRequestLine(String name) {
    Scenario s = ScenarioLoader.load(name);
    assertThat(s.account().id()).isEqualTo("1234567890123456");
    assertThat(s.account().accessKeys().get(0).id()).isEqualTo("LTAIsandbox");
    String firstLine = ScenarioLoader.builtInText(name).lines().findFirst().orElseThrow();
    assertThat(firstLine).matches("# request: regionId=\\S+ imageId=\\S+( \\w+=\\S+)*");
    assertThat(List.of(firstLine.split(" "))).anyMatch(w -> w.startsWith("imageId="));
  }
}
