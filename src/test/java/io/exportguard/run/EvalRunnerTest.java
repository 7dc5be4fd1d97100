package io.exportguard.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.FactsJson;
import io.exportguard.policy.StubPolicyEngine;
import io.exportguard.report.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalRunnerTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void pinClock() { System.setProperty(RunClock.PROPERTY, "2026-01-01T00:00:00Z"); }

  @AfterEach
  void unpin() { System.clearProperty(RunClock.PROPERTY); }

  int eval(StubPolicyEngine engine, String factsJson, String... reports) throws Exception {
    Path facts = Files.writeString(dir.resolve("facts.json"), factsJson);
    PolicyOptions o = new PolicyOptions(List.of(), false, List.of(), reports.length == 0 ? "json" : reports[0],
        dir.resolve("out"), "info", false);
    return new EvalRunner(new PrintWriter(out), new PrintWriter(err), engine.factory()).run(facts, o);
  }

  static String facts(String imageId, String errorsJson, String skippedJson) {
    return """
        {"schema":"exportguard.facts/v1",
         "request":{"regionId":"cn-hangzhou","imageId":"%s","ossBucket":"b-1","imageFormat":"raw",
                    "roleName":"AliyunECSImageExportDefaultRole"},
         "errors":%s, "skipped":%s}""".formatted(imageId, errorsJson, skippedJson);
  }

  JsonNode report(String imageId) throws Exception {
    Path f = dir.resolve("out").resolve("exportguard-" + imageId + "-20260101T000000Z.json");
    assertThat(f).exists();
    return FactsJson.mapper().readTree(f.toFile());
  }

  @Test
  void missingParameterFailsWithTheCheckThatPreventsIt() throws Exception {
    int code = eval(StubPolicyEngine.requiredParameters(), facts("", "[]", "[]"));
    assertThat(code).as(err.toString()).isEqualTo(1);
    try (var files = Files.list(dir.resolve("out"))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      JsonNode r = FactsJson.mapper().readTree(all.get(0).toFile());
      assertThat(r.path("schema").asText()).isEqualTo("exportguard.report/v1");
      assertThat(r.path("startedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(r.path("durationMs").asLong()).isZero();
      assertThat(r.path("summary").path("verdict").asText()).isEqualTo("fail");
      JsonNode check = r.path("checks").get(0);
      assertThat(check.path("id").asText()).isEqualTo("EG-REQ-001");
      assertThat(check.path("status").asText()).isEqualTo("fail");
      assertThat(check.path("prevents").asText()).isEqualTo("MissingParameter");
      assertThat(check.path("findings").get(0).path("msg").asText()).contains("imageId");
    }
  }

  static JsonNode byId(JsonNode report, String id) {
    for (JsonNode c : report.path("checks")) if (c.path("id").asText().equals(id)) return c;
    throw new AssertionError("no check " + id);
  }

  @Test
  void passingFactsPass() throws Exception {
    assertThat(eval(StubPolicyEngine.requiredParameters(), facts("m-1", "[]", "[]"))).isZero();
    assertThat(report("m-1").path("summary").path("passed").asInt()).isEqualTo(1);
  }

  @Test
  void aCheckWhoseAreaFailedIsAnErrorWhateverRegoSaid() throws Exception {
    StubPolicyEngine engine = StubPolicyEngine.requiredParameters()
        .check("EG-IMAGE-001", Severity.HIGH, "InvalidImageId.NotFound", List.of("image"), in -> List.of());
    int code = eval(engine, facts("m-1",
        "[{\"area\":\"image\",\"api\":\"ecs:DescribeImages\",\"code\":\"ServiceUnavailable\",\"message\":\"down\"}]", "[]"));
    assertThat(code).isEqualTo(2);
    JsonNode r = report("m-1");
    assertThat(r.path("summary").path("verdict").asText()).isEqualTo("error");
    assertThat(byId(r, "EG-IMAGE-001").path("status").asText()).isEqualTo("error");
    assertThat(byId(r, "EG-REQ-001").path("status").asText()).isEqualTo("pass");
    assertThat(r.path("errors").get(0).path("code").asText()).isEqualTo("ServiceUnavailable");
  }

  @Test
  void aRunInWhichNoCheckWasEvaluatedIsAnError() throws Exception {
    StubPolicyEngine engine = new StubPolicyEngine()
        .check("EG-IMAGE-001", Severity.HIGH, null, List.of("image"), in -> List.of());
    int code = eval(engine, facts("m-1", "[]", "[{\"area\":\"image\",\"reason\":\"x\"}]"));
    assertThat(code).isEqualTo(2);
    assertThat(report("m-1").path("checks").get(0).path("status").asText()).isEqualTo("skipped");
  }

  @ParameterizedTest(name = "errors naming {0}")
  @ValueSource(strings = {"image", "bucketPolicy", "no-such-area"})
  void anyEntryInErrorsMakesTheVerdictErrorEvenWhenNoLoadedCheckRequiresIt(String area) throws Exception {
    // the stub's only check requires the request area alone, and passes
    int code = eval(StubPolicyEngine.requiredParameters(), facts("m-1",
        "[{\"area\":\"" + area + "\",\"api\":\"ecs:DescribeImages\",\"code\":\"InternalError\",\"message\":\"x\"}]",
        "[]"), "console,json");
    assertThat(code).isEqualTo(2);
    JsonNode r = report("m-1");
    assertThat(r.path("summary").path("verdict").asText()).isEqualTo("error");
    assertThat(byId(r, "EG-REQ-001").path("status").asText()).isEqualTo("pass");
    assertThat(r.path("errors").get(0).path("area").asText()).isEqualTo(area);
    assertThat(out.toString()).startsWith("ERROR  1 fact could not be gathered").doesNotContain("all 1 checks passed");
  }

  @Test
  void aSkippedCheckThatPreventsAnExportErrorMakesTheVerdictError() throws Exception {
    StubPolicyEngine engine = StubPolicyEngine.requiredParameters()
        .check("EG-IMAGE-004", Severity.CRITICAL, "ImageNotSupported", List.of("snapshots"), in -> List.of());
    int code = eval(engine, facts("m-1", "[]", "[{\"area\":\"snapshots\",\"reason\":\"not listed\"}]"));
    assertThat(code).isEqualTo(2);
    JsonNode r = report("m-1");
    assertThat(byId(r, "EG-IMAGE-004").path("status").asText()).isEqualTo("skipped");
    assertThat(r.path("summary").path("verdict").asText()).isEqualTo("error");
  }

  @Test
  void failOnCriticalNeverTurnsAPredictedExportErrorIntoAPass() throws Exception {
    Path facts = Files.writeString(dir.resolve("facts.json"), facts("", "[]", "[]"));
    PolicyOptions o = new PolicyOptions(List.of(), false, List.of(), "json", dir.resolve("out"), "critical", false);
    // EG-REQ-001 is high, below --fail-on critical, but it prevents MissingParameter
    int code = new EvalRunner(new PrintWriter(out), new PrintWriter(err), StubPolicyEngine.requiredParameters().factory())
        .run(facts, o);
    assertThat(code).isEqualTo(1);
  }

  @Test
  void consoleReportGoesToStdoutVerdictFirst() throws Exception {
    int code = eval(StubPolicyEngine.requiredParameters(), facts("", "[]", "[]"), "console");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("EG-REQ-001");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
