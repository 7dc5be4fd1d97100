package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected faults as the SDKs see them. */
class FaultsIT {

  static Sandbox withFaults(String faults) {
    return Sandbox.start(ScenarioLoader.parse("faults.yaml", ScenarioLoader.builtInText("demo-pass") + "faults:\n" + faults), 0);
  }

  static String outcome(SdkClients sdk, com.aliyuncs.AcsRequest<?> request) {
    try {
      sdk.call(request);
      return "ok";
    } catch (ClientException e) {
      return e.getErrCode();
    }
  }

  static GetRoleRequest getRole() {
    GetRoleRequest r = new GetRoleRequest();
    r.setRoleName("AliyunECSImageExportDefaultRole");
    return r;
  }

  @Test
  void anErrorForTheFirstNCallsOnlyThenNormalService() {
    try (Sandbox s = withFaults("  - { api: \"ram:GetRole\", error: Throttling.User, times: 2 }\n")) {
      SdkClients sdk = new SdkClients(s);
      assertThat(List.of(outcome(sdk, getRole()), outcome(sdk, getRole()), outcome(sdk, getRole())))
          .containsExactly("Throttling.User", "Throttling.User", "ok");
      assertThat(outcome(sdk, new DescribeRegionsRequest())).isEqualTo("ok");
      sdk.shutdown();
    }
  }

  @Test
  void aProbabilityWithASeedGivesTheSameSequenceEveryRun() {
    List<List<String>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (Sandbox s = withFaults("  - { api: \"ram:GetRole\", error: ServiceUnavailable, probability: 0.5, seed: 42 }\n")) {
        SdkClients sdk = new SdkClients(s);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          outcomes.add(outcome(sdk, getRole()));
        }
        runs.add(outcomes);
        sdk.shutdown();
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains("ok", "ServiceUnavailable");
  }

  @Test
  void serverErrorsSurfaceAsServerException() {
    try (Sandbox s = withFaults("  - { api: \"ecs:DescribeRegions\", error: InternalError }\n")) {
      SdkClients sdk = new SdkClients(s);
      ClientException e = catchThrowableOfType(ClientException.class, () -> sdk.call(new DescribeRegionsRequest()));
      assertThat(e).isInstanceOf(ServerException.class);
      assertThat(e.getErrCode()).isEqualTo("InternalError");
      sdk.shutdown();
    }
  }

  @Test
  void aRateLimitThrottlesTheExcess() {
    try (Sandbox s = withFaults("  - { api: \"ecs:DescribeImages\", ratePerSecond: 3 }\n")) {
      SdkClients sdk = new SdkClients(s);
      List<String> outcomes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        outcomes.add(outcome(sdk, new DescribeImagesRequest()));
      }
      assertThat(outcomes).contains("ok", "Throttling.User");
      assertThat(outcomes.stream().filter("ok"::equals).count()).isLessThanOrEqualTo(5);
      assertThat(outcome(sdk, new DescribeRegionsRequest())).isEqualTo("ok");
      sdk.shutdown();
    }
  }

  @Test
  void latencyAndJitterDelayEveryMatchingCall() throws ClientException {
    try (Sandbox s = withFaults("  - { api: \"*\", latencyMs: 150, jitterMs: 50, seed: 7 }\n")) {
      SdkClients sdk = new SdkClients(s);
      sdk.call(new DescribeRegionsRequest());
      long start = System.nanoTime();
      sdk.call(new DescribeRegionsRequest());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(150L, 2_000L);
      sdk.shutdown();
    }
  }

  @Test
  void aHangingApiTimesTheClientOut() {
    try (Sandbox s = withFaults("  - { api: \"oss:GetBucketPolicy\", hang: true }\n")) {
      com.aliyun.oss.ClientBuilderConfiguration conf = new com.aliyun.oss.ClientBuilderConfiguration();
      conf.setMaxErrorRetry(0);
      conf.setSocketTimeout(500);
      OSS oss = new com.aliyun.oss.OSSClientBuilder().build(s.endpoint().toString(), s.accessKeyId(), s.accessKeySecret(), conf);
      long start = System.nanoTime();
      Throwable e = catchThrowableOfType(com.aliyun.oss.ClientException.class, () -> oss.getBucketPolicy("my-export-bucket"));
      assertThat(e).isNotNull();
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(400L, 5_000L);
      assertThat(oss.getBucketLocation("my-export-bucket")).isEqualTo("oss-cn-hangzhou");
      oss.shutdown();
    }
  }

  @Test
  void ossFaultsAreXmlErrors() {
    try (Sandbox s = withFaults("  - { api: \"oss:GetBucketInfo\", error: AccessDenied, message: no bucket info for you }\n")) {
      OSS oss = SdkClients.ossV1(s);
      OSSException e = catchThrowableOfType(OSSException.class, () -> oss.getBucketInfo("my-export-bucket"));
      assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
      assertThat(e.getErrorMessage()).isEqualTo("no bucket info for you");
      oss.shutdown();
    }
  }
}
