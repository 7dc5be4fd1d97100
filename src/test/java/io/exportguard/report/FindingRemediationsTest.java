package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.policy.Verdicts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-finding remediation: shown when the policy rendered one, the check's METADATA text otherwise. */
class FindingRemediationsTest {
  private static final String GENERIC = "aliyun oss set-acl oss://<bucket> private -b";

  private static Report.CheckResult check(Status status, List<Report.Finding> findings) {
    return new Report.CheckResult("EG-T-1", "Bucket is private", "d", "bucket", Severity.HIGH, status, null, findings,
        GENERIC, "t.rego", 3);
  }

  @Test
  void findingsOwnRemediationWinsAndDuplicatesCollapseInFindingOrder() {
    Report.CheckResult c = check(Status.FAIL, List.of(
        new Report.Finding("a", "r1", "fix team-b-images"),
        new Report.Finding("b", "r2", "fix team-b-images"),
        new Report.Finding("c", "r3", null),
        new Report.Finding("d", "r4", "fix logs-archive")));
    assertThat(c.remediations()).containsExactly("fix team-b-images", GENERIC, "fix logs-archive");
    assertThat(c.remediationFor(c.findings().get(2))).isEqualTo(GENERIC);
  }

  @Test
  void withoutFindingsTheCheckRemediationStands() {
    assertThat(check(Status.PASS, List.of()).remediations()).containsExactly(GENERIC);
    assertThat(new Report.CheckResult("x", "t", "d", "a", Severity.LOW, Status.PASS, null, null, "", "f", 1)
        .remediations()).isEmpty();
  }

  @Test
  void everyWriterShowsTheRenderedRemediationWithTheRealNames() throws Exception {
    Report base = SampleReports.failing();
    List<Report.CheckResult> checks = new java.util.ArrayList<>(base.checks());
    checks.add(check(Status.FAIL, List.of(new Report.Finding("bucket team-b-images is public-read", "team-b-images",
        "aliyun oss set-acl oss://team-b-images private -b"))));
    Report r = new Report(base.schema(), base.tool(), base.startedAt(), base.durationMs(), base.target(),
        Verdicts.summarize(checks, base.errors()), checks, base.errors(), base.export());
    for (ReportWriter w : List.of(new JsonReportWriter(), new HtmlReportWriter(), new SarifReportWriter(),
        new JunitReportWriter(), new MarkdownReportWriter(), new ConsoleReportWriter(false))) {
      assertThat(Render.of(w, r)).as(w.format()).contains("aliyun oss set-acl oss://team-b-images private -b");
    }
    JsonNode json = new ObjectMapper().readTree(Render.of(new JsonReportWriter(), r));
    JsonNode last = json.get("checks").get(json.get("checks").size() - 1);
    assertThat(last.get("findings").get(0).get("remediation").asText())
        .isEqualTo("aliyun oss set-acl oss://team-b-images private -b");
    assertThat(last.get("remediation").asText()).isEqualTo(GENERIC);
    // A finding without its own remediation has no field: the check's applies.
    JsonNode plain = null;
    for (JsonNode c : json.get("checks")) if (c.get("id").asText().equals("EG-BUCKET-002")) plain = c.get("findings").get(0);
    assertThat(plain.has("remediation")).isFalse();
  }
}
