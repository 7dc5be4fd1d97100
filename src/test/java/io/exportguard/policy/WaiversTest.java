package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.config.WaiverRule;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waivers finding by finding: what they mark, what they never touch, and the verdict that follows. */
class WaiversTest {
  static final LocalDate TODAY = LocalDate.parse("2026-12-05");

  static WaiverRule waiver(String check, String resource, String expires) {
    return new WaiverRule(check, resource, null, "known", "ops", LocalDate.parse(expires), false, "w.yaml:2");
  }

  static Report.CheckResult check(String id, Status status, String... resources) {
    List<Report.Finding> findings = java.util.Arrays.stream(resources).map(r -> new Report.Finding(r + " is bad", r))
        .toList();
    return new Report.CheckResult(id, "t", "d", "image", Severity.HIGH, status, null, findings, "fix it", "p.rego", 1);
  }

  static Report.TargetResult target(Report.CheckResult... checks) {
    Report.Target t = new Report.Target("cn-hangzhou", "m-1", "b", null, "raw", "r");
    return new Report.TargetResult(t, Verdicts.summarize(List.of(checks), List.of()), List.of(checks), List.of(), null);
  }

  static Report.CheckResult find(Report.TargetResult r, String id) {
    return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void onlyTheNamedFindingIsWaivedAndTheCheckStillFails() {
    Report.TargetResult r = new Waivers(List.of(waiver("A-1", "b", "2027-01-01")), TODAY)
        .apply(target(check("A-1", Status.FAIL, "a", "b", "c")));
    Report.CheckResult a = find(r, "A-1");
    assertThat(a.status()).isEqualTo(Status.FAIL);
    assertThat(a.waiver()).isNull();
    assertThat(a.findings()).extracting(f -> f.waiver() == null ? "-" : f.waiver().owner())
        .containsExactly("-", "ops", "-");
    assertThat(r.summary().verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void waivingEveryDenyFindingLeavesAWarningUnlessWarningsFail() {
    // Findings a (deny) then b (warn): the first one blocks.
    Report.CheckResult mixed = new Report.CheckResult("A-1", "t", "d", "image", Severity.HIGH, Status.FAIL, null,
        List.of(new Report.Finding("a is bad", "a"), new Report.Finding("b looks odd", "b")), "fix it", "p.rego", 1,
        null, null, 1);
    List<WaiverRule> waiveA = List.of(waiver("A-1", "a", "2027-01-01"));
    assertThat(find(new Waivers(waiveA, TODAY).apply(target(mixed)), "A-1").status()).isEqualTo(Status.WARN);
    assertThat(find(new Waivers(waiveA, TODAY, new StatusRules(Severity.INFO, true)).apply(target(mixed)), "A-1").status()).isEqualTo(Status.FAIL);
    // Waiving only the warning leaves the failure.
    List<WaiverRule> waiveB = List.of(waiver("A-1", "b", "2027-01-01"));
    assertThat(find(new Waivers(waiveB, TODAY).apply(target(mixed)), "A-1").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void everyFindingWaivedMakesTheCheckWaivedAndTheVerdictPass() {
    List<WaiverRule> rules = List.of(waiver("A-1", "a", "2027-01-01"), waiver("A-1", "b", "2027-01-01"));
    Report.TargetResult r = new Waivers(rules, TODAY).apply(target(check("A-1", Status.WARN, "a", "b")));
    assertThat(find(r, "A-1").status()).isEqualTo(Status.WAIVED);
    assertThat(find(r, "A-1").waiver()).isEqualTo(find(r, "A-1").findings().get(0).waiver());
    assertThat(r.summary().verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aWaiverNeverTouchesAnErrorOrSkippedCheckAndAnExpiredOneMarksNothing() {
    List<WaiverRule> rules = List.of(waiver("E-1", null, "2027-01-01"), waiver("S-1", null, "2027-01-01"),
        waiver("X-1", null, "2026-12-04"));
    Report.TargetResult r = new Waivers(rules, TODAY).apply(target(check("E-1", Status.ERROR, "image"),
        check("S-1", Status.SKIPPED, "image"), check("X-1", Status.FAIL, "a")));
    assertThat(find(r, "E-1").status()).isEqualTo(Status.ERROR);
    assertThat(find(r, "E-1").findings().get(0).waiver()).isNull();
    assertThat(find(r, "S-1").findings().get(0).waiver()).isNull();
    assertThat(find(r, "X-1").status()).isEqualTo(Status.FAIL);
    assertThat(find(r, "X-1").findings().get(0).waiver()).isNull();
    assertThat(find(r, Waivers.CHECK_ID).status()).isEqualTo(Status.FAIL);
    assertThat(find(r, Waivers.CHECK_ID).findings().get(0).msg()).contains("waiver of X-1")
        .contains("expired on 2026-12-04");
    assertThat(r.summary().verdict()).isNotEqualTo(Verdict.PASS);
  }
}
