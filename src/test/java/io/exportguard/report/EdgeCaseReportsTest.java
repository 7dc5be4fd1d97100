package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.exportguard.policy.Verdicts;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Reports at the edges of the model: no checks at all, every optional field absent, non-Latin text. */
class EdgeCaseReportsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema sarifSchema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = EdgeCaseReportsTest.class.getResourceAsStream("/report/sarif/sarif-2.1.0-rtm.5.json")) {
      sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  static Report empty() {
    Report base = SampleReports.failing();
    return new Report(Report.SCHEMA, base.tool(), base.startedAt(), 0, base.target(), Verdicts.summarize(List.of()),
        List.of(), List.of(), null);
  }

  static Report sparse() {
    Report base = SampleReports.failing();
    List<Report.CheckResult> checks = List.of(
        new Report.CheckResult("EG-X-001", null, null, null, Severity.INFO, Status.FAIL, null,
            List.of(new Report.Finding(null, null)), null, null, 0),
        new Report.CheckResult("EG-X-002", "Error without findings", null, "", Severity.LOW, Status.ERROR, null,
            List.of(), null, null, 0));
    return new Report(Report.SCHEMA, base.tool(), base.startedAt(), 0,
        new Report.Target("cn-hangzhou", null, null, null, null, null), Verdicts.summarize(checks), checks, null, null);
  }

  static Report unicode() {
    return SampleReports.mapStrings(SampleReports.failing(), s -> s == null ? null : s + " 镜像导出 😀 Ünïcødé");
  }

  static Stream<Arguments> cases() {
    return Stream.of("json", "html", "sarif", "junit", "md", "console").flatMap(f -> Stream.of(
        Arguments.of(f, "empty", empty()), Arguments.of(f, "sparse", sparse()), Arguments.of(f, "unicode", unicode())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void everyFormatRendersIt(String format, String name, Report report) throws Exception {
    String out = Render.of(ReportWriters.forName(format, false), report);
    assertThat(out).isNotBlank();
    switch (format) {
      case "json" -> assertThat(MAPPER.readTree(out).at("/checks").size()).isEqualTo(report.checks().size());
      case "sarif" -> assertThat(sarifSchema.validate(MAPPER.readTree(out))).isEmpty();
      case "junit" -> {
        Document doc = JunitReportWriterTest.parse(out);
        // an error verdict that no check explains is a case of its own, so the test view is never green
        boolean unexplained = report.summary().verdict() == Verdict.ERROR && report.summary().errors() == 0;
        assertThat(doc.getElementsByTagName("testcase").getLength())
            .isEqualTo(report.checks().size() + (unexplained ? 1 : 0));
      }
      case "html" -> assertThat(out).contains("</html>").contains(report.summary().verdict().id().toUpperCase());
      case "md", "console" -> assertThat(out).containsIgnoringCase(report.summary().verdict().id());
      default -> throw new IllegalArgumentException(format);
    }
    if (name.equals("unicode")) assertThat(out).contains("😀");
    if (name.equals("empty") && !format.equals("json") && !format.equals("sarif") && !format.equals("junit")) {
      assertThat(out).containsIgnoringCase("no check was evaluated");
    }
  }
}
