package io.exportguard.sandbox.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Node clients from the npm registry against the sandbox (versions pinned in
 * {@code src/test/node/crosscheck/package-lock.json}): {@code @alicloud/pop-core} (RPC, signature
 * V1) on ECS, RAM and STS; {@code @alicloud/ecs20140526} (the current generation, signature V3) on
 * ECS; {@code ali-oss} with signature V1 and V4, addressing buckets virtual-hosted style through
 * {@code oss-cn-hangzhou.aliyuncs.com} and {@code localhost}. {@code crosscheck.js} makes the calls
 * and reports each outcome; this class checks them against the scenario.
 */
class OfficialNodeClientsIT {
  static Sandbox sandbox;
  static JsonNode results;

  @BeforeAll
  static void runClients() throws Exception {
    NodeRunner.prepare();
    sandbox = CrossCheckScenario.start();
    NodeRunner.Result r = NodeRunner.node("crosscheck.js", Map.of(
        "SANDBOX_PORT", String.valueOf(sandbox.port()),
        "SANDBOX_ACCESS_KEY_ID", sandbox.accessKeyId(),
        "SANDBOX_ACCESS_KEY_SECRET", sandbox.accessKeySecret(),
        "ASSUMABLE_ROLE_ARN", CrossCheckScenario.ASSUMABLE_ROLE_ARN), 180);
    assertThat(r.exit()).as("node crosscheck.js failed:%n%s", r.output()).isZero();
    results = new ObjectMapper().readTree(r.stdout());
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  static JsonNode value(String check) {
    JsonNode outcome = results.get(check);
    assertThat(outcome).as("no outcome for %s", check).isNotNull();
    assertThat(outcome.has("value")).as("%s failed: %s", check, outcome).isTrue();
    return outcome.get("value");
  }

  static String code(String check) {
    JsonNode outcome = results.get(check);
    assertThat(outcome).as("no outcome for %s", check).isNotNull();
    assertThat(outcome.has("code")).as("%s should have been refused: %s", check, outcome).isTrue();
    return outcome.get("code").asText();
  }

  static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void rpcClientsSigningV1AndV3GetTheScenariosAnswers() {
    for (String prefix : List.of("pop.ecs.", "v3.ecs.")) {
      assertThat(texts(value(prefix + "DescribeRegions"))).containsExactly("cn-hangzhou", "cn-beijing");
      JsonNode images = value(prefix + "DescribeImages");
      assertThat(images.get("total").asInt()).isEqualTo(1);
      assertThat(images.get("name").asText()).isEqualTo("web-base");
      assertThat(texts(images.get("snapshots"))).containsExactly("s-bp1sys0001", "s-bp1data0001");
      assertThat(texts(value(prefix + "DescribeSnapshots"))).containsExactly("s-bp1data0001", "s-bp1sys0001");
      JsonNode export = value(prefix + "ExportImage");
      assertThat(export.get("processing").asText()).isEqualTo("Processing");
      assertThat(export.get("disks").asInt()).isEqualTo(2);
      assertThat(export.get("after").asText()).isEqualTo("Cancelled");
    }
    assertThat(value("pop.ram.GetRole").asText()).isEqualTo("acs:ram::" + CrossCheckScenario.ACCOUNT + ":role/AliyunECSImageExportDefaultRole");
    assertThat(texts(value("pop.ram.ListPoliciesForRole"))).containsExactly("AliyunECSImageExportRolePolicy");
    assertThat(value("pop.ram.GetPolicy").asText()).isEqualTo("v1");
    assertThat(value("pop.ram.GetPolicyVersion").asBoolean()).isTrue();
    assertThat(value("pop.sts.GetCallerIdentity").asText()).isEqualTo("acs:ram::" + CrossCheckScenario.ACCOUNT + ":root");
    assertThat(value("pop.sts.AssumeRole").asText()).isEqualTo("AssumedRoleUser");
  }

  @Test
  void wrongSecretsFailWithTheServiceCode() {
    assertThat(code("pop.wrongSecret")).isEqualTo("SignatureDoesNotMatch");
    assertThat(code("v3.wrongSecret")).isEqualTo("SignatureDoesNotMatch");
    assertThat(code("oss.v1.wrongSecret")).isEqualTo("SignatureDoesNotMatch");
    assertThat(code("oss.v4.wrongSecret")).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void requestsTheServicesRefuseAreRefusedWithTheirCodes() {
    assertThat(code("v3.ecs.InvalidRegion")).isEqualTo("InvalidRegionId.NotFound");
    assertThat(code("v3.staleDate")).isEqualTo("InvalidTimeStamp.Expired");
    assertThat(value("v3.nonceFirstUse").asInt()).isEqualTo(200);
    assertThat(code("v3.nonceReused")).isEqualTo("SignatureNonceUsed");
    for (String v : List.of("v1", "v4")) {
      assertThat(code("oss." + v + ".staleDate")).isEqualTo("RequestTimeTooSkewed");
      assertThat(code("oss." + v + ".noSuchBucket")).isEqualTo("NoSuchBucket");
      assertThat(code("oss." + v + ".wrongRegionEndpoint")).isEqualTo("AccessDenied");
    }
    assertThat(code("oss.v4.wrongRegionScope")).isEqualTo("AccessDenied");
  }

  @Test
  void aliOssReadsEveryServedBucketAndObjectApiVirtualHostedInV1AndV4() {
    for (String v : List.of("v1", "v4")) {
      String p = "oss." + v + ".";
      assertThat(value(p + "getBucketInfo").get("name").asText()).isEqualTo("my-export-bucket");
      assertThat(value(p + "getBucketInfo").get("location").asText()).isEqualTo("oss-cn-hangzhou");
      assertThat(value(p + "getBucketLocation").asText()).isEqualTo("oss-cn-hangzhou");
      assertThat(value(p + "getBucketACL").asText()).isEqualTo("private");
      assertThat(value(p + "getBucketPolicy").isNull()).as("no bucket policy").isTrue();
      assertThat(value(p + "getBucketEncryption").asText()).isEqualTo("AES256");
      assertThat(value(p + "getBucketVersioning").isNull()).as("versioning never enabled").isTrue();
      assertThat(texts(value(p + "list"))).containsExactly("exports/readme.txt:24");
      assertThat(texts(value(p + "listV2"))).containsExactly("exports/readme.txt:24");
      assertThat(value(p + "head").asText()).isEqualTo("24");
      assertThat(value(p + "getObjectMeta").asText()).isEqualTo("24");
      assertThat(value(p + "get").asInt()).isEqualTo(24);
      assertThat(value(p + "localhostVirtualHost").asText()).isEqualTo("oss-cn-hangzhou");
    }
  }
}
