package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.policy.Verdicts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

  @Test
  void passingRunMatchesGolden() throws Exception {
    Golden.assertMatches("pass.md", Render.of(new MarkdownReportWriter(), SampleReports.passing()));
  }

  @Test
  void failingRunMatchesGolden() throws Exception {
    Golden.assertMatches("fail.md", Render.of(new MarkdownReportWriter(), SampleReports.failing()));
  }

  @Test
  void failingChecksComeWithTheirRemediation() {
    String md = Render.of(new MarkdownReportWriter(), SampleReports.failing());
    assertThat(md).startsWith("## ❌ exportguard: FAIL");
    int section = md.indexOf("### Checks that need action");
    assertThat(section).isPositive();
    assertThat(md.indexOf("EG\\-ROLE\\-002", section) > 0 || md.indexOf("EG-ROLE-002", section) > 0).isTrue();
    assertThat(md).contains("```shell\n" + SampleReports.TRUST_FIX + "\n```");
    assertThat(md).doesNotContain("stops here");
  }

  @Test
  void aHugeRunIsCutUnder64KbWithANote() {
    Report base = SampleReports.failing();
    List<Report.CheckResult> checks = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      List<Report.Finding> findings = new ArrayList<>();
      for (int j = 0; j < 15; j++) findings.add(new Report.Finding("finding " + j + " " + "x".repeat(300), "acs:r" + j));
      checks.add(new Report.CheckResult("EG-BIG-" + i, "Big check " + i, "d", "image", Severity.HIGH, Status.FAIL,
          null, findings, "fix " + "é".repeat(2000), "p.rego", 1));
    }
    Report big = new Report(base.schema(), base.tool(), base.startedAt(), 1, base.target(), Verdicts.summarize(checks),
        checks, base.errors(), null);
    String md = Render.of(new MarkdownReportWriter(), big);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
    assertThat(md).contains("This summary stops here to stay under 64 KB").contains("more checks that need action");
    outsideCodeBlocks(md);
    assertThat(md).endsWith("</sub>\n");
  }

  @Test
  void hostileStringsStayInert() {
    String md = Render.of(new MarkdownReportWriter(), Payloads.hostile(SampleReports.failing()));
    String prose = outsideCodeBlocks(md);
    // Payload markup reached code blocks only as text: remediation is fenced.
    assertThat(md.length() - prose.length()).isPositive();
    // No raw HTML from payloads outside code blocks (only our own <br>, <details>, <summary>, <sub>).
    String withoutOurs = prose.replaceAll("</?(br|details|summary|sub)>", "");
    assertThat(withoutOurs).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg")
        .doesNotContain("<x>").doesNotContain("<https:");
    // No link or image syntax survives unescaped, and no autolink.
    assertThat(prose).doesNotContainPattern("(?<!\\\\)\\]\\(").doesNotContainPattern("(?<!\\\\)!\\[")
        .doesNotContain("https://");
    // No mention can ping anyone, no control characters.
    assertThat(prose).doesNotContainPattern("@(?!\u200B)");
    assertThat(md).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\u202e]");
    // A payload newline never starts a line of its own (a heading, a list item, a table row).
    for (String line : prose.split("\n", -1)) {
      assertThat(line).as("payload text escaped its line").doesNotStartWith("# heading").doesNotStartWith("- item")
          .doesNotStartWith("line two");
    }
  }

  /**
   * The text outside fenced code blocks, by CommonMark's rule: a fence opens with three or more
   * backticks and closes only with a line of at least as many backticks and nothing else.
   */
  static String outsideCodeBlocks(String md) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : md.split("\n", -1)) {
      if (fence == null) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(`{3,})[^`]*$").matcher(line);
        if (m.matches()) fence = m.group(1);
        else out.append(line).append('\n');
      } else if (line.matches("^`{" + fence.length() + ",}\\s*$")) {
        fence = null;
      }
    }
    assertThat(fence).as("every code block is closed").isNull();
    return out.toString();
  }

  @Test
  void tableRowsKeepTheirColumnsWithHostileStrings() {
    String md = Render.of(new MarkdownReportWriter(), Payloads.hostile(SampleReports.failing()));
    for (String line : md.split("\n")) {
      if (!line.startsWith("| ")) continue;
      long pipes = line.chars().filter(ch -> ch == '|').count();
      // Header of the summary table has 8 pipes, other tables 5; escaped pipes are &#124;.
      assertThat(pipes).as(line).isIn(5L, 8L, 4L);
    }
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
