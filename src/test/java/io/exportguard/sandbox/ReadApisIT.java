package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.AccessControlList;
import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.GetPolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyVersionResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** demo-pass through the real SDKs: the read APIs preflight gathers facts from. */
class ReadApisIT {
  static Sandbox sandbox;
  static SdkClients sdk;
  static OSS oss;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("demo-pass");
    sdk = new SdkClients(sandbox);
    oss = SdkClients.ossV1(sandbox);
  }

  @AfterAll
  static void stop() {
    oss.shutdown();
    sdk.shutdown();
    sandbox.close();
  }

  @Test
  void publicApiDescribesTheRunningSandbox() {
    assertThat(sandbox.endpoint().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port());
    assertThat(sandbox.hostAndPort()).isEqualTo("127.0.0.1:" + sandbox.port());
    assertThat(sandbox.accessKeyId()).isEqualTo("LTAIsandbox");
    assertThat(sandbox.accessKeySecret()).isEqualTo("sandbox-secret");
    assertThat(sandbox.securityToken()).isNull();
  }

  @Test
  void describeRegions() throws ClientException {
    DescribeRegionsResponse r = sdk.call(new DescribeRegionsRequest());
    assertThat(r.getRegions()).extracting(DescribeRegionsResponse.Region::getRegionId).containsExactly("cn-hangzhou");
    assertThat(r.getRegions().get(0).getRegionEndpoint()).isEqualTo("ecs.cn-hangzhou.aliyuncs.com");
  }

  @Test
  void describeImagesReturnsTheDemoImageWithItsDisks() throws ClientException {
    DescribeImagesRequest req = new DescribeImagesRequest();
    req.setImageId("m-bp1demo0001");
    req.setStatus("ALL");
    DescribeImagesResponse r = sdk.call(req);
    assertThat(r.getTotalCount()).isEqualTo(1);
    DescribeImagesResponse.Image image = r.getImages().get(0);
    assertThat(image.getImageName()).isEqualTo("web-base");
    assertThat(image.getOSType()).isEqualTo("linux");
    assertThat(image.getPlatform()).isEqualTo("CentOS");
    assertThat(image.getImageOwnerAlias()).isEqualTo("self");
    assertThat(image.getSize()).isEqualTo(40);
    assertThat(image.getTags()).extracting(DescribeImagesResponse.Image.Tag::getTagKey).containsExactly("team");
    assertThat(image.getDiskDeviceMappings()).extracting(DescribeImagesResponse.Image.DiskDeviceMapping::getType)
        .containsExactly("system", "data");
    assertThat(image.getDiskDeviceMappings().get(0).getSnapshotId()).isEqualTo("s-bp1sys0001");
    assertThat(image.getDiskDeviceMappings().get(0).getSize()).isEqualTo("40");
  }

  @Test
  void describeSnapshotsTakesAJsonArrayOfIds() throws ClientException {
    DescribeSnapshotsRequest req = new DescribeSnapshotsRequest();
    req.setRegionId("cn-hangzhou");
    req.setSnapshotIds("[\"s-bp1data0001\"]");
    DescribeSnapshotsResponse r = sdk.call(req);
    assertThat(r.getTotalCount()).isEqualTo(1);
    assertThat(r.getSnapshots().get(0).getSnapshotId()).isEqualTo("s-bp1data0001");
    assertThat(r.getSnapshots().get(0).getEncrypted()).isFalse();
    assertThat(r.getSnapshots().get(0).getSourceDiskSize()).isEqualTo("100");
  }

  @Test
  void ramRoleAndPolicies() throws ClientException {
    GetRoleRequest getRole = new GetRoleRequest();
    getRole.setRoleName("AliyunECSImageExportDefaultRole");
    GetRoleResponse role = sdk.call(getRole);
    assertThat(role.getRole().getArn()).isEqualTo("acs:ram::1234567890123456:role/AliyunECSImageExportDefaultRole");
    assertThat(role.getRole().getAssumeRolePolicyDocument()).contains("ecs.aliyuncs.com").startsWith("{");

    ListPoliciesForRoleRequest list = new ListPoliciesForRoleRequest();
    list.setRoleName("AliyunECSImageExportDefaultRole");
    ListPoliciesForRoleResponse policies = sdk.call(list);
    assertThat(policies.getPolicies()).extracting(ListPoliciesForRoleResponse.Policy::getPolicyName)
        .containsExactly("AliyunECSImageExportRolePolicy");
    assertThat(policies.getPolicies().get(0).getPolicyType()).isEqualTo("System");

    GetPolicyRequest getPolicy = new GetPolicyRequest();
    getPolicy.setPolicyName("AliyunECSImageExportRolePolicy");
    getPolicy.setPolicyType("System");
    GetPolicyResponse policy = sdk.call(getPolicy);
    assertThat(policy.getPolicy().getDefaultVersion()).isEqualTo("v1");
    assertThat(policy.getDefaultPolicyVersion().getPolicyDocument()).contains("oss:ListParts");

    GetPolicyVersionRequest version = new GetPolicyVersionRequest();
    version.setPolicyName("AliyunECSImageExportRolePolicy");
    version.setPolicyType("System");
    version.setVersionId("v1");
    GetPolicyVersionResponse v = sdk.call(version);
    assertThat(v.getPolicyVersion().getIsDefaultVersion()).isTrue();
    assertThat(v.getPolicyVersion().getPolicyDocument()).contains("oss:GetBucketInfo");
  }

  @Test
  void missingRoleIsEntityNotExist() {
    GetRoleRequest getRole = new GetRoleRequest();
    getRole.setRoleName("NoSuchRole");
    ClientException e = catchThrowableOfType(ClientException.class, () -> sdk.call(getRole));
    assertThat(e.getErrCode()).isEqualTo("EntityNotExist.Role");
  }

  @Test
  void ossBucketReadsWithSignatureV1() {
    BucketInfo info = oss.getBucketInfo("my-export-bucket");
    assertThat(info.getBucket().getLocation()).isEqualTo("oss-cn-hangzhou");
    assertThat(info.getCannedACL()).isEqualTo(CannedAccessControlList.Private);
    assertThat(oss.getBucketLocation("my-export-bucket")).isEqualTo("oss-cn-hangzhou");
    AccessControlList acl = oss.getBucketAcl("my-export-bucket");
    assertThat(acl.getCannedACL()).isEqualTo(CannedAccessControlList.Private);
    ServerSideEncryptionConfiguration sse = oss.getBucketEncryption("my-export-bucket");
    assertThat(sse.getApplyServerSideEncryptionByDefault().getSSEAlgorithm()).isEqualTo("AES256");
    OSSException noPolicy = catchThrowableOfType(OSSException.class, () -> oss.getBucketPolicy("my-export-bucket"));
    assertThat(noPolicy.getErrorCode()).isEqualTo("NoSuchBucketPolicy");
    OSSException noBucket = catchThrowableOfType(OSSException.class, () -> oss.getBucketInfo("no-such-bucket"));
    assertThat(noBucket.getErrorCode()).isEqualTo("NoSuchBucket");
  }

  @Test
  void demoFailShowsItsProblemsThroughTheReadApis() throws Exception {
    try (Sandbox s = Sandbox.start("demo-fail", 0)) {
      SdkClients c = new SdkClients(s);
      OSS o = SdkClients.ossV1(s);
      BucketInfo info = o.getBucketInfo("my-export-bucket");
      assertThat(info.getCannedACL()).isEqualTo(CannedAccessControlList.PublicRead);
      assertThat(info.getServerSideEncryptionConfiguration().getApplyServerSideEncryptionByDefault().getSSEAlgorithm())
          .isIn("", "None", null);
      assertThat(o.getBucketPolicy("my-export-bucket").getPolicyText()).contains("\"Deny\"").contains("oss:DeleteObject");
      OSSException noSse = catchThrowableOfType(OSSException.class, () -> o.getBucketEncryption("my-export-bucket"));
      assertThat(noSse.getErrorCode()).isEqualTo("NoSuchServerSideEncryptionRule");

      DescribeSnapshotsRequest snaps = new DescribeSnapshotsRequest();
      snaps.setSnapshotIds("[\"s-bp1data0001\"]");
      DescribeSnapshotsResponse.Snapshot data = c.call(snaps).getSnapshots().get(0);
      assertThat(data.getEncrypted()).isTrue();
      assertThat(data.getKMSKeyId()).isEqualTo("key-hzz0123456789abcdef");

      ListPoliciesForRoleRequest list = new ListPoliciesForRoleRequest();
      list.setRoleName("AliyunECSImageExportDefaultRole");
      assertThat(c.call(list).getPolicies()).extracting(ListPoliciesForRoleResponse.Policy::getPolicyType).containsExactly("Custom");
      GetPolicyRequest wrongType = new GetPolicyRequest();
      wrongType.setPolicyName("ExportToOssPartial");
      wrongType.setPolicyType("System");
      assertThat(catchThrowableOfType(ClientException.class, () -> c.call(wrongType)).getErrCode()).isEqualTo("EntityNotExist.Policy");
      GetPolicyVersionRequest oldVersion = new GetPolicyVersionRequest();
      oldVersion.setPolicyName("ExportToOssPartial");
      oldVersion.setPolicyType("Custom");
      oldVersion.setVersionId("v9");
      assertThat(catchThrowableOfType(ClientException.class, () -> c.call(oldVersion)).getErrCode()).isEqualTo("EntityNotExist.PolicyVersion");

      com.aliyuncs.ecs.model.v20140526.DescribeTasksRequest tasks = new com.aliyuncs.ecs.model.v20140526.DescribeTasksRequest();
      tasks.setTaskStatus("Processing");
      assertThat(c.call(tasks).getTaskSet()).extracting(com.aliyuncs.ecs.model.v20140526.DescribeTasksResponse.Task::getResourceId)
          .containsExactly("m-bp1other0002");
      o.shutdown();
      c.shutdown();
    }
  }

  @Test
  void nonAsciiTextSurvivesTheCoreSdkReader() throws ClientException {
    String yaml = io.exportguard.sandbox.scenario.ScenarioLoader.builtInText("demo-pass")
        .replace("name: web-base", "name: 网站基础镜像").replace("description: Web server base image", "description: \"Grüße, \\\"quoted\\\" & <tags>\"")
        .replace("{ key: team, value: web }", "{ key: 团队, value: wéb }");
    try (Sandbox s = Sandbox.start(io.exportguard.sandbox.scenario.ScenarioLoader.parse("unicode.yaml", yaml), 0)) {
      SdkClients c = new SdkClients(s);
      DescribeImagesRequest req = new DescribeImagesRequest();
      req.setImageId("m-bp1demo0001");
      DescribeImagesResponse.Image image = c.call(req).getImages().get(0);
      assertThat(image.getImageName()).isEqualTo("网站基础镜像");
      assertThat(image.getDescription()).isEqualTo("Grüße, \"quoted\" & <tags>");
      assertThat(image.getTags().get(0).getTagKey()).isEqualTo("团队");
      assertThat(image.getTags().get(0).getTagValue()).isEqualTo("wéb");
      c.shutdown();
    }
  }

  @Test
  void getObjectHonoursASingleRange() throws Exception {
    String yaml = io.exportguard.sandbox.scenario.ScenarioLoader.builtInText("demo-pass")
        + "objects: [ { bucket: my-export-bucket, key: \"dir/a&b <c>.txt\", size: 100 } ]\n";
    try (Sandbox s = Sandbox.start(io.exportguard.sandbox.scenario.ScenarioLoader.parse("objects.yaml", yaml), 0)) {
      OSS o = SdkClients.ossV1(s);
      com.aliyun.oss.model.GetObjectRequest ranged = new com.aliyun.oss.model.GetObjectRequest("my-export-bucket", "dir/a&b <c>.txt");
      ranged.setRange(0, 9);
      try (com.aliyun.oss.model.OSSObject part = o.getObject(ranged)) {
        assertThat(new String(part.getObjectContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("exportguar");
      }
      try (com.aliyun.oss.model.OSSObject whole = o.getObject("my-export-bucket", "dir/a&b <c>.txt")) {
        assertThat(whole.getObjectContent().readAllBytes()).hasSize(100);
        assertThat(whole.getObjectMetadata().getContentLength()).isEqualTo(100);
      }
      com.aliyun.oss.model.ListObjectsRequest plain = new com.aliyun.oss.model.ListObjectsRequest("my-export-bucket");
      plain.setEncodingType(null);
      assertThat(o.listObjects(plain).getObjectSummaries().get(0).getKey()).isEqualTo("dir/a&b <c>.txt");
      assertThat(o.listObjects("my-export-bucket", "dir/").getObjectSummaries().get(0).getKey()).isEqualTo("dir/a&b <c>.txt");
      o.shutdown();
    }
  }

  @Test
  void ossSignatureV4InTheBucketRegionAndInAnother() {
    OSS v4 = SdkClients.ossV4(sandbox, "cn-hangzhou");
    OSS wrongRegion = SdkClients.ossV4(sandbox, "cn-shanghai");
    try {
      assertThat(v4.getBucketInfo("my-export-bucket").getBucket().getName()).isEqualTo("my-export-bucket");
      OSSException e = catchThrowableOfType(OSSException.class, () -> wrongRegion.getBucketInfo("my-export-bucket"));
      assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
      assertThat(e.getErrorFields()).containsEntry("Endpoint", "oss-cn-hangzhou.aliyuncs.com");
    } finally {
      v4.shutdown();
      wrongRegion.shutdown();
    }
  }
}
