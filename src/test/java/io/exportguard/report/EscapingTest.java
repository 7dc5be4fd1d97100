package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every cloud-sourced string of a report (image, bucket, role, policy and check names, finding
 * messages and resources, error messages, export objects) carries {@link Payloads}: each format must
 * stay well formed and inert.
 */
class EscapingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> cases() {
    return Stream.of("json", "html", "sarif", "junit", "md", "console").flatMap(format -> Stream.of(
        Arguments.of(format, "failing", Payloads.hostile(SampleReports.failing())),
        Arguments.of(format, "passing", Payloads.hostile(SampleReports.passing()))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void everyFormatStaysWellFormedAndInert(String format, String run, Report report) throws Exception {
    String out = Render.of(ReportWriters.forName(format, true), report);
    switch (format) {
      case "json" -> jsonRoundTrips(out, report);
      case "sarif" -> assertThat(MAPPER.readTree(out).at("/runs/0/properties/target/imageId").asText())
          .isEqualTo(report.target().imageId());
      case "html" -> {
        HtmlInertness.assertInert(out);
        assertThat(out).contains("&lt;script&gt;document.documentElement.dataset." + Payloads.MARKER)
            .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
            .contains("]]&gt;&lt;x&gt;cdata&lt;/x&gt;")
            .contains("{{ 7*7 }} {% raw %} ${7*7}");
      }
      case "junit" -> {
        Document doc = JunitReportWriterTest.parse(out);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(report.checks().size());
      }
      case "md" -> assertThat(MarkdownReportWriterTest.outsideCodeBlocks(out)).doesNotContain("<script");
      case "console" -> assertThat(out.replaceAll("\u001b\\[[0-9;]*m", "")).doesNotContain("\u001b")
          .doesNotContain("\u202e").doesNotContain("\u0000");
      default -> throw new IllegalArgumentException(format);
    }
  }

  private static void jsonRoundTrips(String out, Report report) throws Exception {
    JsonNode root = MAPPER.readTree(out);
    assertThat(root.at("/target/imageId").asText()).isEqualTo(report.target().imageId());
    assertThat(root.at("/checks/0/findings").size()).isEqualTo(report.checks().get(0).findings().size());
    assertThat(root.at("/checks/0/title").asText()).isEqualTo(report.checks().get(0).title());
    assertThat(root.at("/errors").size()).isEqualTo(report.errors().size());
  }
}
