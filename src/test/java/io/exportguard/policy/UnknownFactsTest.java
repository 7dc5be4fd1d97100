package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.facts.Unknown;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A static scan's unknown facts: field-level requirements, the skip they cause, and the verdict they leave alone. */
class UnknownFactsTest {
  static final StatusRules RULES = new StatusRules(Severity.INFO, false);

  static CheckDefinition check(String... requires) {
    return new CheckDefinition("EG-X-001", "t", "d", "x", Severity.CRITICAL, "NoSetRoletoECSServiceAcount",
        List.of(requires), "fix", "exportguard.x.y", "f.rego", 1);
  }

  static Facts facts(List<FactError> errors, Unknown... unknown) {
    return new Facts(Facts.SCHEMA, Request.of("r", "i", "b", null, null, null), null, null, null, null, null, errors,
        List.of(), List.of(unknown));
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({"role, role, true", "role, role.arn, true", "role.arn, role, true", "role.arn, role.trustPolicy, false",
      "bucket, bucketPolicy, false", "request.imageId, request.imageIdX, false"})
  void factNamesOverlapWhenOneIsAFieldOfTheOther(String a, String b, boolean expected) {
    assertThat(Unknown.overlap(a, b)).isEqualTo(expected);
  }

  @Test
  void aCheckThatReadsAnUnknownFieldIsSkippedWithTheReasonWhateverRegoSaid() {
    CheckDefinition c = check("role.exists", "role.trustPolicy");
    Facts f = facts(List.of(), new Unknown("role.trustPolicy", "known only after apply (alicloud_ram_role.x.document)"));
    Report.CheckResult r = RULES.apply(f, RawResult.findings(c, List.of(new Report.Finding("denied", null)), List.of()));
    assertThat(r.status()).isEqualTo(Status.SKIPPED);
    assertThat(r.findings()).extracting(Report.Finding::msg)
        .containsExactly("not evaluated: role.trustPolicy is unknown (known only after apply (alicloud_ram_role.x.document))");
    assertThat(RULES.outOfScope(f, c)).isTrue();
  }

  @Test
  void anUnknownFieldAnotherCheckReadsDoesNotSkipThisOne() {
    CheckDefinition c = check("role.exists", "role.trustPolicy");
    Facts f = facts(List.of(), new Unknown("role.arn", "no account id"));
    Report.CheckResult r = RULES.apply(f, RawResult.findings(c, List.of(new Report.Finding("denied", null)), List.of()));
    assertThat(r.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aGatheringErrorOfTheAreaStillMakesAFieldCheckAnError() {
    CheckDefinition c = check("role.exists");
    Facts f = facts(List.of(new FactError("role", "ram:GetRole", "InternalError", "boom")), new Unknown("role.exists", "x"));
    assertThat(RULES.apply(f, RawResult.findings(c, List.of(), List.of())).status()).isEqualTo(Status.ERROR);
    assertThat(RULES.outOfScope(f, c)).isFalse();
  }

  @Test
  void aPreventingCheckSkippedOutsideTheScanDoesNotMakeTheVerdictAnError() {
    Report.CheckResult skipped = new Report.CheckResult("EG-X-001", "t", "d", "x", Severity.CRITICAL, Status.SKIPPED,
        "NoSetRoletoECSServiceAcount", List.of(), "fix", "f.rego", 1);
    Report.CheckResult passed = new Report.CheckResult("EG-X-002", "t", "d", "x", Severity.CRITICAL, Status.PASS,
        null, List.of(), "fix", "f.rego", 1);
    assertThat(Verdicts.summarize(List.of(skipped, passed), List.of(), Set.of("EG-X-001")).verdict()).isEqualTo(Verdict.PASS);
    assertThat(Verdicts.summarize(List.of(skipped, passed), List.of()).verdict()).isEqualTo(Verdict.ERROR);
    // Nothing evaluated at all is still an error.
    assertThat(Verdicts.summarize(List.of(skipped), List.of(), Set.of("EG-X-001")).verdict()).isEqualTo(Verdict.ERROR);
  }
}
