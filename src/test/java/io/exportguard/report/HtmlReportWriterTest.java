package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  @Test
  void passingRunMatchesGolden() throws Exception {
    Golden.assertMatches("pass.html", Render.of(new HtmlReportWriter(), SampleReports.passing()));
  }

  @Test
  void failingRunMatchesGolden() throws Exception {
    Golden.assertMatches("fail.html", Render.of(new HtmlReportWriter(), SampleReports.failing()));
  }

  @Test
  void pageIsSelfContained() {
    String html = Render.of(new HtmlReportWriter(), SampleReports.failing());
    assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b")
        .doesNotContainPattern("(?i)\\s(src|href)=")
        .doesNotContain("http://").doesNotContain("https://")
        .contains("<svg", "<style>", "<script>");
    // Only the one script element of our own.
    assertThat(count(html, "<script")).isEqualTo(1);
  }

  @Test
  void everyCheckIsListedWaivedAndErroredIncluded() {
    Report report = SampleReports.failing();
    String html = Render.of(new HtmlReportWriter(), report);
    assertThat(count(html, "<tbody class=\"check\"")).isEqualTo(report.checks().size());
    assertThat(html).contains("data-status=\"waived\"", "data-status=\"error\"", "data-status=\"skipped\"");
    assertThat(html).contains("Export blocked").contains("Facts that could not be gathered")
        .doesNotContain("Export evidence");
  }

  @Test
  void exportEvidenceAppearsWhenAnExportRan() {
    String html = Render.of(new HtmlReportWriter(), SampleReports.passing());
    assertThat(html).contains("Export evidence", "t-bp1export0001", "1.0 GiB",
        SampleReports.passing().export().factsSha256());
  }

  @Test
  void contentSecurityPolicyAllowsOnlyOurStyleAndScriptByHash() throws Exception {
    String html = Render.of(new HtmlReportWriter(), SampleReports.passing());
    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]+)\"").matcher(html);
    assertThat(csp.find()).isTrue();
    assertThat(csp.group(1)).startsWith("default-src 'none'").doesNotContain("unsafe");
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(script.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(csp.group(1)).contains("script-src 'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'");
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }
}
