package io.exportguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.CloudConfig;
import io.exportguard.cloud.Endpoints;
import io.exportguard.cloud.ExportTasks;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Request;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.policy.StubPolicyEngine;
import io.exportguard.report.Severity;
import io.exportguard.run.EvalRunner;
import io.exportguard.run.PolicyOptions;
import io.exportguard.run.PreflightRunner;
import io.exportguard.sandbox.Sandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Preflight end to end against the sandbox, once with a stub engine (everything but Rego) and once
 * with the embedded engine and the built-in pack (when it compiles in this build).
 */
class PreflightFlowIT {
  static final Request DEMO = Request.of("cn-hangzhou", "m-bp1demo0001", "my-export-bucket", null, null, null);

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @AfterEach
  void clearCredentials() {
    System.clearProperty("alibabacloud.accessKeyId");
    System.clearProperty("alibabacloud.accessKeySecret");
  }

  static PolicyEngineFactory engine(String which) {
    if (which.equals("embedded")) {
      DefaultPack.mustCompile();
      return PolicyEngineFactory.EMBEDDED;
    }
    return StubPolicyEngine.requiredParameters()
        .check("EG-IMAGE-001", Severity.HIGH, "InvalidImageId.NotFound", List.of("image"),
            in -> in.path("image").path("exists").asBoolean() ? List.of()
                : List.of(new io.exportguard.report.Report.Finding("image does not exist", "image")))
        .factory();
  }

  int preflight(String which, String sandbox, String endpoint, Path saveFacts, boolean export, String timeout) {
    PolicyOptions policy = new PolicyOptions(List.of(), false, List.of(), "json", dir.resolve("out"), "info", false);
    return new PreflightRunner(new PrintWriter(out), new PrintWriter(err), engine(which))
        .run(new PreflightRunner.Options(DEMO, policy, null, sandbox, endpoint, timeout, saveFacts, export, export));
  }

  JsonNode report() throws Exception { return Report.in(dir.resolve("out")).json(); }

  @ParameterizedTest
  @ValueSource(strings = {"stub", "embedded"})
  void demoPassPassesExportsWaitsAndListsTheObjects(String which) throws Exception {
    int code = preflight(which, "demo-pass", null, null, true, "60s");
    assertThat(code).as(err.toString()).isZero();
    JsonNode r = report();
    assertThat(r.path("summary").path("verdict").asText()).isEqualTo("pass");
    JsonNode export = r.path("export");
    assertThat(export.path("taskId").asText()).startsWith("t-");
    assertThat(out.toString()).contains("export started: task " + export.path("taskId").asText());
    assertThat(err.toString()).contains("export " + export.path("taskId").asText() + ": Finished");
    assertThat(export.path("status").asText()).isEqualTo("Finished");
    assertThat(export.path("objects")).isNotEmpty().allSatisfy(o -> {
      assertThat(o.path("key").asText()).contains("m-bp1demo0001");
      assertThat(o.path("size").asLong()).isPositive();
      assertThat(o.path("etag").asText()).isNotBlank();
    });
    assertThat(export.path("factsSha256").asText()).hasSize(64);
    assertThat(export.path("policiesSha256").asText()).hasSize(64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub", "embedded"})
  void savedFactsEvaluateOfflineToTheSameVerdict(String which) throws Exception {
    Path facts = dir.resolve("facts.json");
    int code = preflight(which, "demo-fail", null, facts, false, null);
    List<String> statuses = Report.in(dir.resolve("out")).checks(null).stream()
        .map(c -> c.path("id").asText() + "=" + c.path("status").asText()).toList();
    assertThat(FactsJson.load(facts).facts().request()).isEqualTo(DEMO);
    Path again = dir.resolve("again");
    PolicyOptions policy = new PolicyOptions(List.of(), false, List.of(), "json", again, "info", false);
    int evalCode = new EvalRunner(new PrintWriter(out), new PrintWriter(err), engine(which)).run(facts, policy);
    assertThat(evalCode).as(err.toString()).isEqualTo(code);
    assertThat(Report.in(again).checks(null).stream()
        .map(c -> c.path("id").asText() + "=" + c.path("status").asText()).toList()).isEqualTo(statuses);
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub", "embedded"})
  void throttlingOneApiTwiceStillDecidesCorrectly(String which) throws Exception {
    Path scenario = Scenarios.demoPassWithFaults(dir, "throttled",
        "- { api: \"ecs:DescribeImages\", error: Throttling.User, times: 2 }",
        "- { api: \"ram:GetRole\", error: Throttling.Api, times: 2 }",
        "- { api: \"oss:GetBucketInfo\", error: ServiceUnavailable, times: 2 }");
    Path facts = dir.resolve("facts.json");
    int code = preflight(which, scenario.toString(), null, facts, false, null);
    assertThat(code).as(err.toString()).isZero();
    assertThat(FactsJson.load(facts).facts().errors()).isEmpty();
    assertThat(report().path("summary").path("verdict").asText()).isEqualTo("pass");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub", "embedded"})
  void anApiFailingEveryTimeExitsTwoQuicklyAndExportsNothing(String which) throws Exception {
    Path scenario = Scenarios.demoPassWithFaults(dir, "failing",
        "- { api: \"ecs:DescribeImages\", error: ServiceUnavailable }");
    try (Sandbox sandbox = Sandbox.start(scenario.toString(), 0)) {
      // --endpoint takes credentials from the SDK chain: its system-property provider comes first.
      System.setProperty("alibabacloud.accessKeyId", sandbox.accessKeyId());
      System.setProperty("alibabacloud.accessKeySecret", sandbox.accessKeySecret());
      long t0 = System.nanoTime();
      int code = preflight(which, null, sandbox.endpoint().toString(), null, true, null);
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      assertThat(code).as(err.toString()).isEqualTo(2);
      assertThat(seconds).isLessThan(30);
      JsonNode r = report();
      assertThat(r.path("summary").path("verdict").asText()).isEqualTo("error");
      assertThat(r.path("export").isMissingNode() || r.path("export").isNull()).isTrue();
      assertThat(r.path("errors").get(0).path("code").asText()).isEqualTo("ServiceUnavailable");
      assertThat(err.toString()).contains("not exporting");
      try (CloudClients c = clientsFor(sandbox)) {
        assertThat(ExportTasks.inProgress(c, "cn-hangzhou", "m-bp1demo0001")).isEmpty();
      }
    }
  }

  private static CloudClients clientsFor(Sandbox s) {
    return new CloudClients(CloudConfig.of(Endpoints.emulator(s.endpoint().toString()),
        new StaticCredentialsProvider(new BasicCredentials(s.accessKeyId(), s.accessKeySecret()))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub"})
  void aHangingCallIsBoundedByTimeout(String which) throws Exception {
    Path scenario = Scenarios.demoPassWithFaults(dir, "hang", "- { api: \"oss:GetBucketPolicy\", hang: true }");
    Path facts = dir.resolve("facts.json");
    long t0 = System.nanoTime();
    int code = preflight(which, scenario.toString(), null, facts, false, "3s");
    long millis = (System.nanoTime() - t0) / 1_000_000L;
    // The stub requires no bucket facts, yet a fact that could not be gathered never lets the run pass.
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(millis).isLessThan(8_000);
    // Either bound may fire first on a loaded machine: the gathering deadline (Timeout) or the
    // client's read timeout, which --timeout caps (SocketTimeout). Both leave the area in error.
    assertThat(FactsJson.load(facts).facts().errors()).extracting(e -> e.area() + ":" + e.code())
        .containsAnyOf("bucketPolicy:Timeout", "bucketPolicy:SocketTimeout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub", "embedded"})
  void secretsNeverAppearInOutputFactsOrReports(String which) throws Exception {
    Path facts = dir.resolve("facts.json");
    preflight(which, "demo-pass", null, facts, true, "60s");
    String everything = out + "\n" + err + "\n" + Files.readString(facts) + "\n" + report();
    assertThat(everything).doesNotContain("sandbox-secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded"})
  void exportWithoutWaitStartsTheTaskAndSaysHowToFollowIt(String which) throws Exception {
    PolicyOptions policy = new PolicyOptions(List.of(), false, List.of(), "json", dir.resolve("out"), "info", false);
    int code = new PreflightRunner(new PrintWriter(out), new PrintWriter(err), engine(which))
        .run(new PreflightRunner.Options(DEMO, policy, null, "demo-pass", null, null, null, true, false));
    assertThat(code).as(err.toString()).isZero();
    JsonNode export = report().path("export");
    assertThat(export.path("status").asText()).isEqualTo("Started");
    assertThat(export.path("objects")).isEmpty();
    assertThat(err.toString()).contains("aliyun ecs DescribeTaskAttribute --RegionId cn-hangzhou --TaskId "
        + export.path("taskId").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded"})
  void aFailingVerdictNeverExports(String which) throws Exception {
    int code = preflight(which, "ImageIsExporting", null, null, true, "30s");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains("verdict is fail; not exporting");
    assertThat(out.toString()).doesNotContain("export started");
    JsonNode r = report();
    assertThat(r.path("export").isMissingNode() || r.path("export").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub"})
  void profileNamesAnAliyunCliProfile(String which) throws Exception {
    String home = System.getProperty("user.home");
    try (Sandbox sandbox = Sandbox.start("demo-pass", 0)) {
      Path fakeHome = dir.resolve("home");
      Files.createDirectories(fakeHome.resolve(".aliyun"));
      Files.writeString(fakeHome.resolve(".aliyun/config.json"), """
          {"current":"default","profiles":[{"name":"other","mode":"AK","access_key_id":"nope","access_key_secret":"nope"},
           {"name":"sandbox","mode":"AK","access_key_id":"%s","access_key_secret":"%s"}]}"""
          .formatted(sandbox.accessKeyId(), sandbox.accessKeySecret()));
      System.setProperty("user.home", fakeHome.toString());
      PolicyOptions policy = new PolicyOptions(List.of(), false, List.of(), "json", dir.resolve("out"), "info", false);
      int code = new PreflightRunner(new PrintWriter(out), new PrintWriter(err), engine(which))
          .run(new PreflightRunner.Options(DEMO, policy, "sandbox", null, sandbox.endpoint().toString(), null,
              dir.resolve("facts.json"), false, false));
      assertThat(code).as(err.toString()).isZero();
      assertThat(FactsJson.load(dir.resolve("facts.json")).facts().errors()).isEmpty();
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"stub"})
  void noCredentialsAnywhereIsOneClearLine(String which) throws Exception {
    assumeTrue(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") == null, "credentials are set in this environment");
    String home = System.getProperty("user.home");
    try {
      System.setProperty("user.home", Files.createDirectories(dir.resolve("empty-home")).toString());
      int code = preflight(which, null, "http://127.0.0.1:9", null, false, null);
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).startsWith("exportguard preflight: no Alibaba Cloud credentials")
          .doesNotContain("\tat ");
      assertThat(dir.resolve("out")).doesNotExist();
    } finally {
      System.setProperty("user.home", home);
    }
  }

  /** Issue 9: ExportImage itself times out and no task appears: unknown, with how to find and cancel it; exit 2. */
  @ParameterizedTest
  @ValueSource(strings = {"stub"})
  void anExportImageThatNeverAnswersIsUnknownNeverFailed(String which) throws Exception {
    Path scenario = Scenarios.demoPassWithFaults(dir, "hang-export", "- { api: \"ecs:ExportImage\", hang: true }");
    // --timeout bounds every call, ExportImage's too; 8 s leaves the gathering room on a loaded machine
    int code = preflight(which, scenario.toString(), null, null, true, "8s");
    assertThat(code).as(err.toString()).isEqualTo(2);
    JsonNode export = report().path("export");
    assertThat(export.path("status").asText()).isEqualTo("Unknown");
    assertThat(export.path("taskId").isNull()).isTrue();
    assertThat(err.toString()).contains("SDK.ReadTimeout").contains("unknown")
        .contains("aliyun ecs DescribeTasks --RegionId cn-hangzhou --TaskAction ExportImage --ResourceIds.1 m-bp1demo0001")
        .contains("aliyun ecs CancelTask --RegionId cn-hangzhou").doesNotContain("Failed");
    assertThat(out.toString()).doesNotContain("export started");
  }

  /** Issue 9: ExportImage times out but the export started: the task is found and reported; exit 2. */
  @ParameterizedTest
  @ValueSource(strings = {"stub"})
  void anExportImageThatTimesOutButStartedIsFoundWithItsTask(String which) throws Exception {
    Path scenario = Scenarios.demoPassWithFaults(dir, "slow-export", "- { api: \"ecs:ExportImage\", latencyMs: 9000 }");
    int code = preflight(which, scenario.toString(), null, null, true, "8s");
    assertThat(code).as(err.toString()).isEqualTo(2);
    JsonNode export = report().path("export");
    String task = export.path("taskId").asText();
    assertThat(task).startsWith("t-");
    assertThat(export.path("status").asText()).isEqualTo("Processing");
    assertThat(err.toString()).contains("task " + task + " is Processing")
        .contains("aliyun ecs DescribeTaskAttribute --RegionId cn-hangzhou --TaskId " + task)
        .contains("aliyun ecs CancelTask --RegionId cn-hangzhou --TaskId " + task).doesNotContain("Failed");
  }

  /** A refusal by ExportImage itself (no task) is "Rejected", not a failed task. */
  @ParameterizedTest
  @ValueSource(strings = {"embedded"})
  void anExportImageTheServiceRefusesIsRejectedNotFailed(String which) throws Exception {
    int code = preflight(which, "UserNotInTheWhiteList", null, null, true, "30s");
    assertThat(code).as(err.toString()).isEqualTo(2);
    JsonNode export = report().path("export");
    assertThat(export.path("status").asText()).isEqualTo("Rejected: UserNotInTheWhiteList");
    assertThat(err.toString()).contains("ExportImage was rejected: UserNotInTheWhiteList").doesNotContain("Failed");
  }

  /** Issue 9: an unusable --out is found before any call: nothing gathered, nothing exported. */
  @ParameterizedTest
  @ValueSource(strings = {"stub"})
  void anUnusableOutIsBadInputBeforeAnythingIsGatheredOrExported(String which) throws Exception {
    Path dangling = Files.createSymbolicLink(dir.resolve("reports-link"), dir.resolve("gone"));
    Path facts = dir.resolve("facts.json");
    try (Sandbox sandbox = Sandbox.start("demo-pass", 0)) {
      System.setProperty("alibabacloud.accessKeyId", sandbox.accessKeyId());
      System.setProperty("alibabacloud.accessKeySecret", sandbox.accessKeySecret());
      PolicyOptions policy = new PolicyOptions(List.of(), false, List.of(), "json", dangling, "info", false);
      int code = new PreflightRunner(new PrintWriter(out), new PrintWriter(err), engine(which))
          .run(new PreflightRunner.Options(DEMO, policy, null, null, sandbox.endpoint().toString(), null, facts, true,
              true));
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).startsWith("exportguard preflight: --out " + dangling).contains("symbolic link");
      assertThat(facts).doesNotExist();
      try (CloudClients c = clientsFor(sandbox)) {
        assertThat(ExportTasks.createdSince(c, "cn-hangzhou", "m-bp1demo0001", java.time.Instant.now().minusSeconds(600)))
            .isEmpty();
      }
    }
  }
}
