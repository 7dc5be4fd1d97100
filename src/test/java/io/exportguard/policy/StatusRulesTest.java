package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.facts.Skipped;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRulesTest {

  static CheckDefinition check(Severity severity, String... requires) {
    return new CheckDefinition("EG-X-001", "t", "d", "x", severity, null, List.of(requires), "fix", "exportguard.x.y", "f.rego", 1);
  }

  static Facts facts(String errorArea, String skippedArea) {
    return new Facts(Facts.SCHEMA, Request.of("r", "i", "b", null, null, null), null, null, null, null, null,
        errorArea == null ? List.of() : List.of(new FactError(errorArea, "ecs:DescribeImages", "InternalError", "boom")),
        skippedArea == null ? List.of() : List.of(new Skipped(skippedArea, "invalid")));
  }

  @ParameterizedTest(name = "{0} deny={1} warn={2} failOn={3} failOnWarn={4} err={5} skip={6} evalError={7} -> {8}")
  @CsvSource(nullValues = "-", value = {
      // severity, deny, warn, failOn, failOnWarn, errorArea, skippedArea, evalError, expected
      "HIGH,     0, 0, INFO,     false, -,     -,     -,    PASS",
      "HIGH,     1, 0, INFO,     false, -,     -,     -,    FAIL",
      "MEDIUM,   1, 0, HIGH,     false, -,     -,     -,    WARN",
      "MEDIUM,   1, 0, HIGH,     true,  -,     -,     -,    FAIL",
      "CRITICAL, 1, 0, CRITICAL, false, -,     -,     -,    FAIL",
      "LOW,      0, 1, INFO,     false, -,     -,     -,    WARN",
      "LOW,      0, 1, INFO,     true,  -,     -,     -,    FAIL",
      "HIGH,     0, 0, INFO,     false, image, -,     -,    ERROR",
      "HIGH,     1, 0, INFO,     false, image, -,     -,    ERROR",
      "HIGH,     1, 0, INFO,     false, role,  -,     -,    FAIL",
      "HIGH,     0, 0, INFO,     false, -,     image, -,    SKIPPED",
      "HIGH,     1, 0, INFO,     false, image, image, -,    ERROR",
      "HIGH,     0, 0, INFO,     false, -,     -,     oops, ERROR",
  })
  void statusRules(Severity severity, int deny, int warn, Severity failOn, boolean failOnWarn, String errorArea,
                   String skippedArea, String evalError, Status expected) {
    CheckDefinition c = check(severity, "image");
    List<Report.Finding> d = deny == 0 ? List.of() : List.of(new Report.Finding("denied", "res"));
    List<Report.Finding> w = warn == 0 ? List.of() : List.of(new Report.Finding("warned", null));
    RawResult raw = evalError != null ? RawResult.failed(c, evalError) : RawResult.findings(c, d, w);
    Report.CheckResult r = new StatusRules(failOn, failOnWarn).apply(facts(errorArea, skippedArea), raw);
    assertThat(r.status()).isEqualTo(expected);
    if (expected == Status.ERROR && errorArea != null) {
      assertThat(r.findings()).extracting(Report.Finding::msg).anySatisfy(m -> assertThat(m).contains("InternalError"));
    }
    if (expected == Status.FAIL || expected == Status.WARN) assertThat(r.findings()).isNotEmpty();
  }

  /** Issue 9: --fail-on grades advisory checks only; a predicted ExportImage error always fails. */
  @ParameterizedTest(name = "{0} severity, --fail-on {1}, --fail-on-warn {2}")
  @CsvSource({
      "LOW, CRITICAL, false", "INFO, CRITICAL, false", "HIGH, CRITICAL, false", "MEDIUM, HIGH, false",
      "CRITICAL, CRITICAL, false", "LOW, CRITICAL, true",
  })
  void aCheckThatNamesAPreventsCodeAlwaysFailsOnADenyFinding(Severity severity, Severity failOn, boolean failOnWarn) {
    CheckDefinition c = new CheckDefinition("EG-IMAGE-004", "t", "d", "image", severity, "ImageNotSupported",
        List.of("image"), "fix", "exportguard.image.x", "f.rego", 1);
    RawResult raw = RawResult.findings(c, List.of(new Report.Finding("encrypted snapshot", "s-1")), List.of());
    assertThat(new StatusRules(failOn, failOnWarn).apply(facts(null, null), raw).status()).isEqualTo(Status.FAIL);
    // its warn findings (a data switch made it advisory) are graded like any advisory finding
    RawResult warnOnly = RawResult.findings(c, List.of(), List.of(new Report.Finding("maybe", null)));
    assertThat(new StatusRules(failOn, failOnWarn).apply(facts(null, null), warnOnly).status())
        .isEqualTo(failOnWarn ? Status.FAIL : Status.WARN);
  }
}
