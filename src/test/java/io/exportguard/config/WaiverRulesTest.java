package io.exportguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.policy.Waivers;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a waiver may and may not hide. */
class WaiverRulesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  static Report.CheckResult check(String id, Status status, String prevents, String... resources) {
    List<Report.Finding> findings = java.util.Arrays.stream(resources).map(r -> new Report.Finding("bad " + r, r)).toList();
    return new Report.CheckResult(id, id, "", "x", Severity.HIGH, status, prevents, findings, "", "p.rego", 1);
  }

  static WaiverRule waiver(String check, String resource, String pattern, boolean accept, String expires) {
    return new WaiverRule(check, resource, pattern, "why", "who", LocalDate.parse(expires), accept, "c.yaml:3");
  }

  static Report.TargetResult apply(List<WaiverRule> rules, Report.CheckResult... checks) {
    Report.TargetResult r = new Report.TargetResult(new Report.Target("r", "i", "b", null, "raw", "role"),
        null, List.of(checks), List.of(), null);
    return new Waivers(rules, TODAY).apply(r);
  }

  static Status status(Report.TargetResult r, String id) {
    return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().status();
  }

  @Test
  void aWaiverNeverHidesAnErrorOrASkippedCheck() {
    Report.TargetResult r = apply(List.of(waiver("A", null, null, true, "2030-01-01"), waiver("B", null, null, true,
        "2030-01-01")), check("A", Status.ERROR, null, "x"), check("B", Status.SKIPPED, null));
    assertThat(status(r, "A")).isEqualTo(Status.ERROR);
    assertThat(status(r, "B")).isEqualTo(Status.SKIPPED);
    assertThat(r.summary().verdict()).isEqualTo(Verdict.ERROR);
  }

  @Test
  void aPreventsCheckNeedsAcceptExportFailure() {
    Report.TargetResult refused = apply(List.of(waiver("A", null, null, false, "2030-01-01")),
        check("A", Status.FAIL, "NoSetRoletoECSServiceAcount", "role"));
    assertThat(status(refused, "A")).isEqualTo(Status.FAIL);
    Report.CheckResult problem = refused.checks().get(refused.checks().size() - 1);
    assertThat(problem.id()).isEqualTo(Waivers.CHECK_ID);
    assertThat(problem.status()).isEqualTo(Status.FAIL);
    assertThat(problem.findings().get(0).msg()).contains("acceptExportFailure: true");
    Report.TargetResult accepted = apply(List.of(waiver("A", null, null, true, "2030-01-01")),
        check("A", Status.FAIL, "NoSetRoletoECSServiceAcount", "role"));
    assertThat(status(accepted, "A")).isEqualTo(Status.WAIVED);
    assertThat(accepted.summary().verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void everyFindingMustBeCoveredByResourceOrPattern() {
    Report.CheckResult two = check("A", Status.FAIL, null, "bucket-logs", "bucket-data");
    assertThat(status(apply(List.of(waiver("A", "bucket-logs", null, false, "2030-01-01")), two), "A"))
        .as("one of two findings covered").isEqualTo(Status.FAIL);
    assertThat(status(apply(List.of(waiver("A", null, "bucket-*", false, "2030-01-01")), two), "A"))
        .isEqualTo(Status.WAIVED);
    assertThat(status(apply(List.of(waiver("A", null, "logs-*", false, "2030-01-01")), two), "A"))
        .isEqualTo(Status.FAIL);
    assertThat(status(apply(List.of(waiver("B", null, null, false, "2030-01-01")), two), "A"))
        .as("another check's waiver").isEqualTo(Status.FAIL);
  }

  @Test
  void aWaiverAppliesThroughItsExpiryDay() {
    Report.CheckResult c = check("A", Status.WARN, null, "x");
    assertThat(status(apply(List.of(waiver("A", null, null, false, "2026-06-01")), c), "A")).isEqualTo(Status.WAIVED);
    Report.TargetResult expired = apply(List.of(waiver("A", null, null, false, "2026-05-31")), c);
    assertThat(status(expired, "A")).isEqualTo(Status.WARN);
    assertThat(status(expired, Waivers.CHECK_ID)).isEqualTo(Status.FAIL);
  }
}
