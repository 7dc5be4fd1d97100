package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void passingRunMatchesGolden() throws Exception {
    Golden.assertMatches("pass.json", Render.of(new JsonReportWriter(), SampleReports.passing()));
  }

  @Test
  void failingRunMatchesGolden() throws Exception {
    Golden.assertMatches("fail.json", Render.of(new JsonReportWriter(), SampleReports.failing()));
  }

  @Test
  void fieldNamesAndOrderAreTheContracts() throws Exception {
    JsonNode root = MAPPER.readTree(Render.of(new JsonReportWriter(), SampleReports.passing()));
    assertThat(names(root)).containsExactly("schema", "tool", "startedAt", "durationMs", "target", "summary", "checks",
        "errors", "export");
    assertThat(names(root.get("target")))
        .containsExactly("regionId", "imageId", "ossBucket", "ossPrefix", "imageFormat", "roleName");
    assertThat(names(root.get("summary")))
        .containsExactly("verdict", "passed", "warned", "failed", "errors", "skipped", "waived");
    assertThat(names(root.get("checks").get(0))).containsExactly("id", "title", "severity", "status", "prevents",
        "findings", "remediation", "policyFile", "line");
    assertThat(names(root.get("export")))
        .containsExactly("taskId", "status", "objects", "factsSha256", "policiesSha256");
    assertThat(names(root.get("export").get("objects").get(0))).containsExactly("key", "size", "etag");
    assertThat(root.get("schema").asText()).isEqualTo("exportguard.report/v1");
    assertThat(root.get("startedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void preventsIsNullWhenAbsentAndExportOnlyWhenOneRan() throws Exception {
    JsonNode root = MAPPER.readTree(Render.of(new JsonReportWriter(), SampleReports.failing()));
    assertThat(root.has("export")).isFalse();
    JsonNode withoutPrevents = null;
    for (JsonNode c : root.get("checks")) if (c.get("id").asText().equals("EG-REQ-004")) withoutPrevents = c;
    assertThat(withoutPrevents).isNotNull();
    assertThat(withoutPrevents.has("prevents")).isTrue();
    assertThat(withoutPrevents.get("prevents").isNull()).isTrue();
    assertThat(root.get("summary").get("verdict").asText()).isEqualTo("fail");
    assertThat(root.get("summary").get("failed").asInt()).isEqualTo(4);
    assertThat(names(root.get("errors").get(0))).containsExactly("area", "api", "code", "message");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void startTimeIsWrittenToTheMillisecond() throws Exception {
    Report r = SampleReports.failing();
    Report precise = new Report(r.schema(), r.tool(), java.time.Instant.parse("2026-11-27T08:39:55.166876869Z"),
        r.durationMs(), r.target(), r.summary(), r.checks(), r.errors(), r.export());
    assertThat(MAPPER.readTree(Render.of(new JsonReportWriter(), precise)).get("startedAt").asText())
        .isEqualTo("2026-11-27T08:39:55.166Z");
  }
}
