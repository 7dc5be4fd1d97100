package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReportWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/report/sarif/sarif-2.1.0-rtm.5.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("pass", SampleReports.passing()),
        Arguments.of("fail", SampleReports.failing()),
        Arguments.of("hostile", Payloads.hostile(SampleReports.failing())),
        Arguments.of("hostile-pass", Payloads.hostile(SampleReports.passing())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void validatesAgainstTheSarif210Schema(String name, Report report) throws Exception {
    JsonNode sarif = MAPPER.readTree(Render.of(new SarifReportWriter(), report));
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertThat(errors).as("schema violations").isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenLog() throws Exception {
    ObjectNode sarif = (ObjectNode) MAPPER.readTree(Render.of(new SarifReportWriter(), SampleReports.failing()));
    ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
    sarif.put("version", "2.0.0");
    assertThat(schema.validate(sarif)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void passingRunMatchesGolden() throws Exception {
    Golden.assertMatches("pass.sarif", Render.of(new SarifReportWriter(), SampleReports.passing()));
  }

  @Test
  void failingRunMatchesGolden() throws Exception {
    Golden.assertMatches("fail.sarif", Render.of(new SarifReportWriter(), SampleReports.failing()));
  }

  @Test
  void oneRulePerCheckAndOneResultPerFinding() throws Exception {
    Report report = SampleReports.failing();
    JsonNode run = MAPPER.readTree(Render.of(new SarifReportWriter(), report)).get("runs").get(0);
    assertThat(run.at("/tool/driver/rules")).hasSize(report.checks().size());
    int expected = 0;
    for (Report.CheckResult c : report.checks()) {
      if (c.status() != Status.PASS && c.status() != Status.SKIPPED) expected += Math.max(1, c.findings().size());
    }
    assertThat(run.get("results")).hasSize(expected);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("exportguard");
    assertThat(run.at("/tool/driver/version").asText()).isEqualTo("0.1.0");
  }

  @Test
  void rulesCarrySecuritySeverityAndRemediation() throws Exception {
    JsonNode rules = MAPPER.readTree(Render.of(new SarifReportWriter(), SampleReports.failing()))
        .at("/runs/0/tool/driver/rules");
    JsonNode trust = find(rules, "id", "EG-ROLE-002");
    assertThat(trust.at("/properties/security-severity").asText()).isEqualTo("9.5");
    assertThat(trust.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(trust.at("/help/text").asText()).contains("aliyun ram UpdateRole");
    assertThat(trust.at("/name").asText()).isEqualTo("ExportRoleTrustsTheEcsService");
    JsonNode tag = find(rules, "id", "EG-IMAGE-006");
    assertThat(tag.at("/properties/security-severity").asText()).isEqualTo("3.0");
    assertThat(tag.at("/defaultConfiguration/level").asText()).isEqualTo("note");
  }

  @Test
  void resultsPointAtThePolicyLineAndTheCloudResource() throws Exception {
    JsonNode results = MAPPER.readTree(Render.of(new SarifReportWriter(), SampleReports.failing()))
        .at("/runs/0/results");
    JsonNode trust = find(results, "ruleId", "EG-ROLE-002");
    assertThat(trust.at("/level").asText()).isEqualTo("error");
    assertThat(trust.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("policies/exportguard/role/role_002.rego");
    assertThat(trust.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
    assertThat(trust.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("acs:ram::1234567890123456:role/aliyunecsimageexportdefaultrole");
    JsonNode waived = find(results, "ruleId", "EG-BUCKET-004");
    assertThat(waived.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    JsonNode error = find(results, "ruleId", "EG-BUCKET-006");
    assertThat(error.at("/kind").asText()).isEqualTo("open");
    assertThat(MAPPER.readTree(Render.of(new SarifReportWriter(), SampleReports.failing()))
        .at("/runs/0/invocations/0/toolExecutionNotifications")).hasSize(1);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) if (n.path(field).asText().equals(value)) return n;
    throw new AssertionError("no element with " + field + "=" + value);
  }
}
