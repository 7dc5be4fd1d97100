package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.facts.FactError;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictsTest {

  @ParameterizedTest
  @CsvSource({
      "'PASS,WARN',PASS", "'PASS,FAIL,ERROR',FAIL", "'PASS,ERROR',ERROR", "'SKIPPED,SKIPPED',ERROR", "'',ERROR",
      "'FAIL,SKIPPED',FAIL", "'WAIVED',PASS", "'WARN,SKIPPED',PASS",
  })
  void verdictPrecedence(String statuses, Verdict expected) {
    List<Report.CheckResult> checks = Arrays.stream(statuses.split(",")).filter(s -> !s.isEmpty())
        .map(s -> new Report.CheckResult("id", "t", "d", "a", Severity.HIGH, Status.valueOf(s), null, List.of(), "",
            "f", 1))
        .toList();
    Report.Summary s = Verdicts.summarize(checks);
    assertThat(s.verdict()).isEqualTo(expected);
    assertThat(s.passed() + s.warned() + s.failed() + s.errors() + s.skipped() + s.waived()).isEqualTo(checks.size());
  }

  static Report.CheckResult check(Status status, String prevents) {
    return new Report.CheckResult("EG-X-" + status, "t", "d", "a", Severity.HIGH, status, prevents, List.of(), "", "f", 1);
  }

  @Test
  void anyFactErrorMakesThePassAnError() {
    List<Report.CheckResult> passing = List.of(check(Status.PASS, null), check(Status.WARN, null));
    assertThat(Verdicts.summarize(passing, List.of()).verdict()).isEqualTo(Verdict.PASS);
    assertThat(Verdicts.summarize(passing, List.of(new FactError("image", "ecs:DescribeImages", "InternalError", "x")))
        .verdict()).isEqualTo(Verdict.ERROR);
    assertThat(Verdicts.summarize(passing, List.of(new FactError("no-such-area", "-", "Oops", "x"))).verdict())
        .isEqualTo(Verdict.ERROR);
    assertThat(Verdicts.summarize(List.of(check(Status.FAIL, null)), List.of(new FactError("image", "-", "X", "x")))
        .verdict()).as("fail still comes first").isEqualTo(Verdict.FAIL);
  }

  @Test
  void aSkippedCheckThatPreventsAnExportErrorMakesThePassAnError() {
    assertThat(Verdicts.summarize(List.of(check(Status.PASS, null), check(Status.SKIPPED, null))).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(Verdicts.summarize(List.of(check(Status.PASS, null), check(Status.SKIPPED, "ImageNotSupported")))
        .verdict()).isEqualTo(Verdict.ERROR);
    assertThat(Verdicts.summarize(List.of(check(Status.FAIL, "MissingParameter"),
        check(Status.SKIPPED, "ImageNotSupported"))).verdict()).isEqualTo(Verdict.FAIL);
  }
}
