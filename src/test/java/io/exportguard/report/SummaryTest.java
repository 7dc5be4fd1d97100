package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.policy.Verdicts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'pass,pass', pass",
      "'pass,warn,waived,skipped', pass",
      "'pass,error', error",
      "'fail,error,pass', fail",
      "'', error",
  })
  void verdictFollowsTheDesignRules(String statuses, String verdict) {
    List<Report.CheckResult> checks = new ArrayList<>();
    for (String s : statuses.split(",")) {
      if (s.isBlank()) continue;
      checks.add(new Report.CheckResult("EG-X-" + checks.size(), "t", "d", "image", Severity.HIGH,
          Status.valueOf(s.toUpperCase()), null, List.of(), "r", "f.rego", 1));
    }
    Report.Summary summary = Verdicts.summarize(checks);
    assertThat(summary.verdict().id()).isEqualTo(verdict);
    int total = 0;
    for (Status st : Status.values()) total += summary.count(st);
    assertThat(total).isEqualTo(checks.size());
  }
}
