package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.sandbox.load.SignedRpc;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests that must be rejected: bad signatures, wrong secrets, stale timestamps, replays, unknown keys and actions. */
class AuthIT {
  static Sandbox sandbox;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("demo-pass", 0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Sends a raw RPC query; returns status and parsed JSON body. */
  static Map.Entry<Integer, JsonNode> post(String query) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/?" + query))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    return Map.entry(r.statusCode(), JSON.readTree(r.body()));
  }

  static SignedRpc signer() {
    return new SignedRpc(sandbox.accessKeyId(), sandbox.accessKeySecret());
  }

  @Test
  void aCorrectlySignedRawRequestIsServed() throws Exception {
    Map.Entry<Integer, JsonNode> r = post(signer().signedQuery(signer().params("DescribeRegions", "2014-05-26", Map.of())));
    assertThat(r.getKey()).isEqualTo(200);
    assertThat(r.getValue().at("/Regions/Region/0/RegionId").asText()).isEqualTo("cn-hangzhou");
  }

  @Test
  void parametersMayAlsoTravelInAFormBody() throws Exception {
    SignedRpc s = signer();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(s.signedQuery(s.params("DescribeRegions", "2014-05-26", Map.of())))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).at("/Regions/Region/0/RegionId").asText()).isEqualTo("cn-hangzhou");
  }

  @Test
  void aTamperedParameterBreaksTheSignature() throws Exception {
    SignedRpc s = signer();
    String query = s.signedQuery(s.params("DescribeImages", "2014-05-26", Map.of("RegionId", "cn-hangzhou", "ImageId", "m-bp1demo0001")));
    Map.Entry<Integer, JsonNode> r = post(query.replace("m-bp1demo0001", "m-bp1demo0002"));
    assertThat(r.getKey()).isEqualTo(400);
    assertThat(r.getValue().get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
    assertThat(r.getValue().get("Message").asText()).contains("server string to sign is:POST&%2F&");
  }

  @Test
  void aWrongSecretIsRejectedAndTheSdkNamesTheSecret() throws Exception {
    Map.Entry<Integer, JsonNode> raw = post(new SignedRpc(sandbox.accessKeyId(), "wrong")
        .signedQuery(signer().params("DescribeRegions", "2014-05-26", Map.of())));
    assertThat(raw.getValue().get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
    // The server echoes its string to sign; when it equals the client's, the SDK reports the secret itself.
    SdkClients wrong = new SdkClients(sandbox, sandbox.accessKeyId(), "wrong-secret");
    ClientException e = catchThrowableOfType(ClientException.class, () -> wrong.call(new DescribeRegionsRequest()));
    assertThat(e.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
    wrong.shutdown();
  }

  @Test
  void anUnknownAccessKeyIsNotFound() {
    SdkClients unknown = new SdkClients(sandbox, "LTAInobody", "x");
    ClientException e = catchThrowableOfType(ClientException.class, () -> unknown.call(new DescribeRegionsRequest()));
    assertThat(e.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
    unknown.shutdown();
  }

  @Test
  void aStaleTimestampIsExpired() throws Exception {
    SignedRpc s = signer();
    TreeMap<String, String> p = s.params("DescribeRegions", "2014-05-26", Map.of());
    p.put("Timestamp", Instant.now().minus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    assertThat(post(s.signedQuery(p)).getValue().get("Code").asText()).isEqualTo("InvalidTimeStamp.Expired");
    p.put("Timestamp", "yesterday");
    assertThat(post(s.signedQuery(p)).getValue().get("Code").asText()).isEqualTo("InvalidTimeStamp.Format");
  }

  @Test
  void aReplayedNonceIsRejected() throws Exception {
    SignedRpc s = signer();
    String query = s.signedQuery(s.params("DescribeRegions", "2014-05-26", Map.of()));
    assertThat(post(query).getKey()).isEqualTo(200);
    Map.Entry<Integer, JsonNode> replay = post(query);
    assertThat(replay.getKey()).isEqualTo(400);
    assertThat(replay.getValue().get("Code").asText()).isEqualTo("SignatureNonceUsed");
  }

  @Test
  void missingSignatureParametersAreIncomplete() throws Exception {
    Map.Entry<Integer, JsonNode> r = post("Action=DescribeRegions&Version=2014-05-26");
    assertThat(r.getValue().get("Code").asText()).isEqualTo("IncompleteSignature");
  }

  @Test
  void unknownActionsAndVersionsGetTheServiceErrorsNotA500() throws Exception {
    DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", sandbox.accessKeyId(), sandbox.accessKeySecret()));
    CommonRequest request = new CommonRequest();
    request.setSysDomain(sandbox.hostAndPort());
    request.setSysProtocol(ProtocolType.HTTP);
    request.setSysMethod(MethodType.POST);
    request.setSysVersion("2014-05-26");
    request.setSysAction("RunInstances");
    ClientException e = catchThrowableOfType(ClientException.class, () -> client.getCommonResponse(request));
    assertThat(e.getErrCode()).isEqualTo("InvalidAction.NotFound");
    client.shutdown();
    SignedRpc s = signer();
    assertThat(post(s.signedQuery(s.params("DescribeRegions", "2099-01-01", Map.of()))).getValue().get("Code").asText())
        .isEqualTo("InvalidVersion");
  }

  @Test
  void stsCredentialsMustCarryTheirToken() throws Exception {
    String yaml = ScenarioLoader.builtInText("demo-pass")
        .replace("- { id: LTAIsandbox, secret: sandbox-secret }", "- { id: STS.sandbox, secret: sts-secret, securityToken: tok-123 }");
    try (Sandbox sts = Sandbox.start(ScenarioLoader.parse("sts.yaml", yaml), 0)) {
      assertThat(sts.securityToken()).isEqualTo("tok-123");
      DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou");
      DefaultAcsClient client = new DefaultAcsClient(profile,
          new com.aliyuncs.auth.BasicSessionCredentials(sts.accessKeyId(), sts.accessKeySecret(), sts.securityToken()));
      DescribeRegionsRequest r = new DescribeRegionsRequest();
      r.setSysEndpoint(sts.hostAndPort());
      r.setSysProtocol(ProtocolType.HTTP);
      DescribeRegionsResponse ok = client.getAcsResponse(r);
      assertThat(ok.getRegions()).hasSize(1);
      client.shutdown();
      SdkClients noToken = new SdkClients(sts, sts.accessKeyId(), sts.accessKeySecret());
      assertThat(catchThrowableOfType(ClientException.class, () -> noToken.call(new DescribeRegionsRequest())).getErrCode())
          .isEqualTo("InvalidSecurityToken.Mismatch");
      noToken.shutdown();

      ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
      conf.setMaxErrorRetry(0);
      OSS oss = new OSSClientBuilder().build(sts.endpoint().toString(), sts.accessKeyId(), sts.accessKeySecret(), sts.securityToken(), conf);
      assertThat(oss.getBucketLocation("my-export-bucket")).isEqualTo("oss-cn-hangzhou");
      oss.shutdown();
      OSS ossNoToken = new OSSClientBuilder().build(sts.endpoint().toString(), sts.accessKeyId(), sts.accessKeySecret(), conf);
      assertThat(catchThrowableOfType(OSSException.class, () -> ossNoToken.getBucketLocation("my-export-bucket")).getErrorCode())
          .isEqualTo("InvalidSecurityToken");
      ossNoToken.shutdown();

      // A wrong secret with a token: the echoed string to sign never carries the token.
      DefaultAcsClient wrongSecret = new DefaultAcsClient(profile,
          new com.aliyuncs.auth.BasicSessionCredentials(sts.accessKeyId(), "wrong", sts.securityToken()));
      DescribeRegionsRequest again = new DescribeRegionsRequest();
      again.setSysEndpoint(sts.hostAndPort());
      again.setSysProtocol(ProtocolType.HTTP);
      ClientException e = catchThrowableOfType(ClientException.class, () -> wrongSecret.getAcsResponse(again));
      assertThat(e.getErrCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(e.getErrMsg()).contains("REDACTED").doesNotContain("tok-123");
      wrongSecret.shutdown();
      OSS ossWrong = new OSSClientBuilder().build(sts.endpoint().toString(), sts.accessKeyId(), "wrong", sts.securityToken(), conf);
      OSSException oe = catchThrowableOfType(OSSException.class, () -> ossWrong.getBucketLocation("my-export-bucket"));
      assertThat(oe.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(oe.getErrorFields().get("StringToSign")).contains("x-oss-security-token:REDACTED");
      assertThat(oe.getRawResponseError()).doesNotContain("tok-123");
      ossWrong.shutdown();
    }
  }

  @Test
  void ossRejectsWrongSecretsAndUnknownKeysInV1AndV4() {
    for (SignVersion version : new SignVersion[] {SignVersion.V1, SignVersion.V4}) {
      ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
      conf.setMaxErrorRetry(0);
      conf.setSignatureVersion(version);
      OSS wrongSecret = OSSClientBuilder.create().endpoint(sandbox.endpoint().toString())
          .credentialsProvider(new DefaultCredentialProvider(sandbox.accessKeyId(), "wrong")).clientConfiguration(conf)
          .region("cn-hangzhou").build();
      OSSException e = catchThrowableOfType(OSSException.class, () -> wrongSecret.getBucketInfo("my-export-bucket"));
      assertThat(e.getErrorCode()).as(version.toString()).isEqualTo("SignatureDoesNotMatch");
      assertThat(e.getErrorFields()).containsKey("StringToSign");
      wrongSecret.shutdown();
      OSS unknown = OSSClientBuilder.create().endpoint(sandbox.endpoint().toString())
          .credentialsProvider(new DefaultCredentialProvider("LTAInobody", "x")).clientConfiguration(conf).region("cn-hangzhou").build();
      assertThat(catchThrowableOfType(OSSException.class, () -> unknown.getBucketAcl("my-export-bucket")).getErrorCode())
          .isEqualTo("InvalidAccessKeyId");
      assertThat(catchThrowableOfType(OSSException.class, () -> unknown.getObjectMetadata("my-export-bucket", "k")).getErrorCode())
          .isEqualTo("InvalidAccessKeyId");
      unknown.shutdown();
    }
  }

  @Test
  void presignedV1UrlsWorkUntilTheyExpire() throws Exception {
    String yaml = ScenarioLoader.builtInText("demo-pass") + "objects: [ { bucket: my-export-bucket, key: \"reports/a b.txt\", size: 7 } ]\n";
    try (Sandbox s = Sandbox.start(ScenarioLoader.parse("presign.yaml", yaml), 0)) {
      OSS oss = SdkClients.ossV1(s);
      java.net.URL url = oss.generatePresignedUrl("my-export-bucket", "reports/a b.txt", new java.util.Date(System.currentTimeMillis() + 60_000));
      HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(url.toURI()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).hasSize(7);
      java.net.URL expired = oss.generatePresignedUrl("my-export-bucket", "reports/a b.txt", new java.util.Date(System.currentTimeMillis() - 1_000));
      HttpResponse<String> late = HTTP.send(HttpRequest.newBuilder(expired.toURI()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(late.statusCode()).isEqualTo(403);
      assertThat(late.body()).contains("<Code>AccessDenied</Code>").contains("expired");
      HttpResponse<String> tampered = HTTP.send(HttpRequest.newBuilder(URI.create(url.toString().replace("a%20b.txt", "a%20c.txt"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
      oss.shutdown();
    }
  }

  @Test
  void anonymousOssCallersMayOnlyReadPublicBuckets() throws Exception {
    String yaml = ScenarioLoader.builtInText("demo-pass")
        + "objects: [ { bucket: my-export-bucket, key: readme.txt, size: 12 }, { bucket: open-bucket, key: hello.txt, size: 5 } ]\n";
    yaml = yaml.replace("buckets:\n", "buckets:\n  - { name: open-bucket, region: cn-hangzhou, acl: public-read }\n");
    try (Sandbox s = Sandbox.start(ScenarioLoader.parse("anon.yaml", yaml), 0)) {
      HttpResponse<String> open = HTTP.send(HttpRequest.newBuilder(URI.create(s.endpoint() + "/open-bucket/hello.txt")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(open.statusCode()).isEqualTo(200);
      assertThat(open.body()).hasSize(5);
      HttpResponse<String> closed = HTTP.send(HttpRequest.newBuilder(URI.create(s.endpoint() + "/my-export-bucket/readme.txt")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(closed.statusCode()).isEqualTo(403);
      assertThat(closed.body()).contains("<Code>AccessDenied</Code>");
      HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create(s.endpoint() + "/open-bucket/?bucketInfo")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(info.statusCode()).isEqualTo(403);
    }
  }
}
