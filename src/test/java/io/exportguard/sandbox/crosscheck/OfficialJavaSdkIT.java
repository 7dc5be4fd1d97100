package io.exportguard.sandbox.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.ecs20140526.models.CancelTaskRequest;
import com.aliyun.ecs20140526.models.DescribeImagesRequest;
import com.aliyun.ecs20140526.models.DescribeImagesResponseBody;
import com.aliyun.ecs20140526.models.DescribeRegionsRequest;
import com.aliyun.ecs20140526.models.DescribeSnapshotsRequest;
import com.aliyun.ecs20140526.models.DescribeTaskAttributeRequest;
import com.aliyun.ecs20140526.models.DescribeTaskAttributeResponseBody;
import com.aliyun.ecs20140526.models.DescribeTasksRequest;
import com.aliyun.ecs20140526.models.ExportImageRequest;
import com.aliyun.ram20150501.models.GetPolicyRequest;
import com.aliyun.ram20150501.models.GetPolicyVersionRequest;
import com.aliyun.ram20150501.models.GetRoleRequest;
import com.aliyun.ram20150501.models.ListPoliciesForRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponseBody;
import com.aliyun.sts20150401.models.GetCallerIdentityResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.ExtendsParameters;
import com.aliyun.teautil.models.RuntimeOptions;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import io.exportguard.sandbox.Sandbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The current Java SDK generation from Maven Central ({@code com.aliyun:ecs20140526},
 * {@code ram20150501}, {@code sts20150401}; tea-openapi underneath) against the sandbox: every
 * API the sandbox serves that these clients offer, with the answers checked against the scenario,
 * and the refusals the real gateway gives. ECS and RAM sign with V3 ({@code ACS3-HMAC-SHA256});
 * the STS client signs V2 (HMAC-SHA1) by default and is also run forced to V3.
 */
class OfficialJavaSdkIT {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = CrossCheckScenario.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Config config(String keyId, String secret, String token) {
    Config c = new Config().setAccessKeyId(keyId).setAccessKeySecret(secret).setEndpoint(sandbox.hostAndPort())
        .setProtocol("HTTP").setRegionId("cn-hangzhou").setReadTimeout(5000).setConnectTimeout(2000);
    return token == null ? c : c.setSecurityToken(token);
  }

  static com.aliyun.ecs20140526.Client ecs(String secret) throws Exception {
    return new com.aliyun.ecs20140526.Client(config(sandbox.accessKeyId(), secret, null));
  }

  static com.aliyun.ram20150501.Client ram(String secret) throws Exception {
    return new com.aliyun.ram20150501.Client(config(sandbox.accessKeyId(), secret, null));
  }

  /** The STS client; {@code v3} overrides the V2 signing its constructor chooses. */
  static com.aliyun.sts20150401.Client sts(String keyId, String secret, String token, boolean v3) throws Exception {
    com.aliyun.sts20150401.Client client = new com.aliyun.sts20150401.Client(config(keyId, secret, token));
    if (v3) {
      client._signatureAlgorithm = "ACS3-HMAC-SHA256";
    }
    return client;
  }

  static String code(Executable call) {
    TeaException e = catchThrowableOfType(TeaException.class, () -> call.execute());
    assertThat(e).as("the call must fail with a service error").isNotNull();
    return e.getCode();
  }

  /** Runtime options that make the official client send these headers instead of its own. */
  static RuntimeOptions withHeaders(Map<String, String> headers) {
    RuntimeOptions runtime = new RuntimeOptions();
    runtime.extendsParameters = new ExtendsParameters().setHeaders(headers);
    return runtime;
  }

  @Test
  void ecsV3ReadsRegionsImagesSnapshotsAndTasks() throws Exception {
    com.aliyun.ecs20140526.Client ecs = ecs(sandbox.accessKeySecret());
    assertThat(ecs.describeRegions(new DescribeRegionsRequest()).getBody().getRegions().getRegion())
        .extracting(r -> r.getRegionId()).containsExactly("cn-hangzhou", "cn-beijing");

    DescribeImagesResponseBody images = ecs.describeImages(new DescribeImagesRequest().setRegionId("cn-hangzhou")
        .setImageId("m-bp1demo0001")).getBody();
    assertThat(images.getTotalCount()).isEqualTo(1);
    DescribeImagesResponseBody.DescribeImagesResponseBodyImagesImage image = images.getImages().getImage().get(0);
    assertThat(image.getImageName()).isEqualTo("web-base");
    assertThat(image.getStatus()).isEqualTo("Available");
    assertThat(image.getDiskDeviceMappings().getDiskDeviceMapping()).extracting(d -> d.getSnapshotId())
        .containsExactly("s-bp1sys0001", "s-bp1data0001");
    assertThat(image.getTags().getTag()).extracting(t -> t.getTagKey() + "=" + t.getTagValue()).containsExactly("team=web");

    assertThat(ecs.describeSnapshots(new DescribeSnapshotsRequest().setRegionId("cn-hangzhou")
        .setSnapshotIds("[\"s-bp1sys0001\",\"s-bp1data0001\"]")).getBody().getSnapshots().getSnapshot())
        .extracting(s -> s.getSnapshotId() + ":" + s.getEncrypted()).containsExactlyInAnyOrder("s-bp1sys0001:false", "s-bp1data0001:false");
    assertThat(code(() -> ecs.describeImages(new DescribeImagesRequest().setRegionId("cn-shanghai").setImageId("m-x"))))
        .isEqualTo("InvalidRegionId.NotFound");
  }

  @Test
  void ecsV3ExportsDescribesAndCancelsATask() throws Exception {
    com.aliyun.ecs20140526.Client ecs = ecs(sandbox.accessKeySecret());
    String taskId = ecs.exportImage(new ExportImageRequest().setRegionId("cn-hangzhou").setImageId("m-bp1demo0001")
        .setOSSBucket("my-export-bucket").setOSSPrefix("xcheck").setImageFormat("qcow2")).getBody().getTaskId();
    assertThat(taskId).startsWith("t-");
    DescribeTaskAttributeResponseBody task = ecs.describeTaskAttribute(new DescribeTaskAttributeRequest()
        .setRegionId("cn-hangzhou").setTaskId(taskId)).getBody();
    assertThat(task.getTaskAction()).isEqualTo("ExportImage");
    assertThat(task.getTaskStatus()).isEqualTo("Processing");
    assertThat(task.getOperationProgressSet().getOperationProgress()).hasSize(2);
    assertThat(ecs.describeTasks(new DescribeTasksRequest().setRegionId("cn-hangzhou").setResourceIds(List.of("m-bp1demo0001")))
        .getBody().getTaskSet().getTask()).extracting(t -> t.getTaskId()).contains(taskId);
    assertThat(code(() -> ecs.exportImage(new ExportImageRequest().setRegionId("cn-hangzhou").setImageId("m-bp1demo0001")
        .setOSSBucket("my-export-bucket")))).isEqualTo("ImageIsExporting");
    ecs.cancelTask(new CancelTaskRequest().setRegionId("cn-hangzhou").setTaskId(taskId));
    assertThat(ecs.describeTasks(new DescribeTasksRequest().setRegionId("cn-hangzhou").setTaskIds(taskId)).getBody()
        .getTaskSet().getTask()).extracting(t -> t.getTaskStatus()).containsExactly("Cancelled");
  }

  @Test
  void ramV3ReadsTheRoleAndItsPolicies() throws Exception {
    com.aliyun.ram20150501.Client ram = ram(sandbox.accessKeySecret());
    var role = ram.getRole(new GetRoleRequest().setRoleName("AliyunECSImageExportDefaultRole")).getBody().getRole();
    assertThat(role.getArn()).isEqualTo("acs:ram::" + CrossCheckScenario.ACCOUNT + ":role/AliyunECSImageExportDefaultRole");
    assertThat(role.getAssumeRolePolicyDocument()).contains("ecs.aliyuncs.com");
    assertThat(ram.listPoliciesForRole(new ListPoliciesForRoleRequest().setRoleName("AliyunECSImageExportDefaultRole"))
        .getBody().getPolicies().getPolicy()).extracting(p -> p.getPolicyName() + "/" + p.getPolicyType())
        .containsExactly("AliyunECSImageExportRolePolicy/System");
    var policy = ram.getPolicy(new GetPolicyRequest().setPolicyName("AliyunECSImageExportRolePolicy").setPolicyType("System")).getBody();
    assertThat(policy.getPolicy().getDefaultVersion()).isEqualTo("v1");
    assertThat(policy.getDefaultPolicyVersion().getPolicyDocument()).contains("oss:PutObject");
    assertThat(ram.getPolicyVersion(new GetPolicyVersionRequest().setPolicyName("AliyunECSImageExportRolePolicy")
        .setPolicyType("System").setVersionId("v1")).getBody().getPolicyVersion().getIsDefaultVersion()).isTrue();
    assertThat(code(() -> ram.getRole(new GetRoleRequest().setRoleName("nobody")))).isEqualTo("EntityNotExist.Role");
  }

  @Test
  void stsIdentifiesTheCallerAndIssuesCredentialsEveryProductAccepts() throws Exception {
    for (boolean v3 : new boolean[] {false, true}) {
      com.aliyun.sts20150401.Client sts = sts(sandbox.accessKeyId(), sandbox.accessKeySecret(), null, v3);
      GetCallerIdentityResponseBody me = sts.getCallerIdentity().getBody();
      assertThat(me.getIdentityType()).isEqualTo("Account");
      assertThat(me.getArn()).isEqualTo("acs:ram::" + CrossCheckScenario.ACCOUNT + ":root");

      AssumeRoleResponseBody assumed = sts.assumeRole(new AssumeRoleRequest().setRoleArn(CrossCheckScenario.ASSUMABLE_ROLE_ARN)
          .setRoleSessionName("xcheck").setDurationSeconds(900L)).getBody();
      AssumeRoleResponseBody.AssumeRoleResponseBodyCredentials creds = assumed.getCredentials();
      assertThat(creds.getAccessKeyId()).startsWith("STS.");
      assertThat(Instant.parse(creds.getExpiration())).isBetween(Instant.now().plus(14, ChronoUnit.MINUTES), Instant.now().plus(16, ChronoUnit.MINUTES));
      assertThat(assumed.getAssumedRoleUser().getArn()).isEqualTo("acs:ram::" + CrossCheckScenario.ACCOUNT + ":assumed-role/sandbox-deployer/xcheck");

      // The temporary credentials work on every product, and STS knows whose they are.
      GetCallerIdentityResponseBody session = sts(creds.getAccessKeyId(), creds.getAccessKeySecret(), creds.getSecurityToken(), v3)
          .getCallerIdentity().getBody();
      assertThat(session.getIdentityType()).isEqualTo("AssumedRoleUser");
      assertThat(session.getArn()).endsWith(":assumed-role/sandbox-deployer/xcheck");
      com.aliyun.ecs20140526.Client ecs = new com.aliyun.ecs20140526.Client(
          config(creds.getAccessKeyId(), creds.getAccessKeySecret(), creds.getSecurityToken()));
      assertThat(ecs.describeRegions(new DescribeRegionsRequest()).getBody().getRegions().getRegion()).hasSize(2);
      ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
      conf.setMaxErrorRetry(0);
      OSS oss = new OSSClientBuilder().build(sandbox.endpoint().toString(), creds.getAccessKeyId(), creds.getAccessKeySecret(),
          creds.getSecurityToken(), conf);
      assertThat(oss.getBucketLocation("my-export-bucket")).isEqualTo("oss-cn-hangzhou");
      oss.shutdown();

      assertThat(code(() -> sts.assumeRole(new AssumeRoleRequest().setRoleArn("acs:ram::" + CrossCheckScenario.ACCOUNT
          + ":role/AliyunECSImageExportDefaultRole").setRoleSessionName("xcheck")))).isEqualTo("NoPermission");
      assertThat(code(() -> sts.assumeRole(new AssumeRoleRequest().setRoleArn("acs:ram::" + CrossCheckScenario.ACCOUNT
          + ":role/missing").setRoleSessionName("xcheck")))).isEqualTo("EntityNotExist.Role");
      assertThat(code(() -> sts.assumeRole(new AssumeRoleRequest().setRoleArn(CrossCheckScenario.ASSUMABLE_ROLE_ARN)
          .setRoleSessionName("xcheck").setDurationSeconds(60L)))).isEqualTo("InvalidParameter.DurationSeconds");
    }
  }

  @Test
  void aWrongSecretFailsWithTheServiceCode() throws Exception {
    assertThat(code(() -> ecs("wrong-secret").describeRegions(new DescribeRegionsRequest()))).isEqualTo("SignatureDoesNotMatch");
    assertThat(code(() -> ram("wrong-secret").getRole(new GetRoleRequest().setRoleName("AliyunECSImageExportDefaultRole"))))
        .isEqualTo("SignatureDoesNotMatch");
    for (boolean v3 : new boolean[] {false, true}) {
      assertThat(code(() -> sts(sandbox.accessKeyId(), "wrong-secret", null, v3).getCallerIdentity())).isEqualTo("SignatureDoesNotMatch");
    }
    assertThat(code(() -> new com.aliyun.ecs20140526.Client(config("LTAInobody", "x", null)).describeRegions(new DescribeRegionsRequest())))
        .isEqualTo("InvalidAccessKeyId.NotFound");
  }

  @Test
  void requestsTheGatewayRefusesAreRefusedWithItsCodes() throws Exception {
    com.aliyun.ecs20140526.Client ecs = ecs(sandbox.accessKeySecret());
    String stale = Instant.now().minus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    assertThat(code(() -> ecs.describeRegionsWithOptions(new DescribeRegionsRequest(), withHeaders(Map.of("x-acs-date", stale)))))
        .isEqualTo("InvalidTimeStamp.Expired");
    assertThat(code(() -> ecs.describeRegionsWithOptions(new DescribeRegionsRequest(), withHeaders(Map.of("x-acs-date", "yesterday")))))
        .isEqualTo("InvalidTimeStamp.Format");
    RuntimeOptions sameNonce = withHeaders(Map.of("x-acs-signature-nonce", "xcheck-" + System.nanoTime()));
    assertThat(ecs.describeRegionsWithOptions(new DescribeRegionsRequest(), sameNonce).getStatusCode()).isEqualTo(200);
    assertThat(code(() -> ecs.describeRegionsWithOptions(new DescribeRegionsRequest(), sameNonce))).isEqualTo("SignatureNonceUsed");
    // A V3 request for a version the gateway does not serve.
    assertThat(code(() -> sts(sandbox.accessKeyId(), sandbox.accessKeySecret(), null, true)
        .getCallerIdentityWithOptions(withHeaders(Map.of("x-acs-version", "2099-01-01"))))).isEqualTo("InvalidVersion");
  }

  @Test
  void theV1CoreSdkGetsXmlWhenItAsksForIt() throws Exception {
    DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", sandbox.accessKeyId(), sandbox.accessKeySecret()));
    com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest request = new com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest();
    request.setSysEndpoint(sandbox.hostAndPort());
    request.setSysProtocol(ProtocolType.HTTP);
    request.setSysAcceptFormat(FormatType.XML);
    request.setImageId("m-bp1demo0001");
    var response = client.getAcsResponse(request);
    assertThat(response.getImages()).extracting(i -> i.getImageName()).containsExactly("web-base");
    assertThat(response.getImages().get(0).getDiskDeviceMappings().stream().map(d -> d.getSnapshotId()).collect(Collectors.toList()))
        .containsExactly("s-bp1sys0001", "s-bp1data0001");
    client.shutdown();
  }
}
