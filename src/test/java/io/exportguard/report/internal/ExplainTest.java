package io.exportguard.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.report.Report;
import io.exportguard.report.Verdict;
import org.junit.jupiter.api.Test;

class ExplainTest {

  @Test
  void saysAllPassedOnlyWhenAllDidAndNamesWaiversOnlyWhenThereAreAny() {
    assertThat(Explain.passed(new Report.Summary(Verdict.PASS, 32, 0, 0, 0, 0, 0), 32))
        .isEqualTo("all 32 checks passed");
    assertThat(Explain.passed(new Report.Summary(Verdict.PASS, 30, 0, 0, 0, 0, 2), 32))
        .isEqualTo("all 32 checks passed or were waived (2 waived)");
    assertThat(Explain.passed(new Report.Summary(Verdict.PASS, 30, 1, 0, 0, 1, 0), 32))
        .isEqualTo("30 of 32 checks passed, 1 warned, 1 skipped");
  }
}
