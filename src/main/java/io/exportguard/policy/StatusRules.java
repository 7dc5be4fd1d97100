package io.exportguard.policy;

import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the engine's raw results into check statuses (DESIGN.md): a required fact area that failed
 * makes the check {@code error} whatever Rego said, one that was skipped makes it {@code skipped};
 * {@code deny} findings of a check that names a {@code prevents} code always fail (a certain
 * ExportImage error is never a warning); those of an advisory check fail at or above
 * {@code --fail-on} and warn below it; {@code warn} findings warn, or fail with {@code --fail-on-warn}.
 *
 * @param failOn the lowest severity whose deny findings fail an advisory check
 */
public record StatusRules(Severity failOn, boolean failOnWarn) {
  public static final StatusRules DEFAULT = new StatusRules(Severity.INFO, false);

  public List<Report.CheckResult> apply(Facts facts, List<RawResult> raw) {
    List<Report.CheckResult> out = new ArrayList<>();
    for (RawResult r : raw) out.add(apply(facts, r));
    return out;
  }

  public Report.CheckResult apply(Facts facts, RawResult r) {
    CheckDefinition c = r.check();
    List<Report.Finding> findings = new ArrayList<>();
    Status status;
    List<FactError> missing = facts.errors().stream().filter(e -> c.requires().contains(e.area())).toList();
    List<String> skippedAreas = c.requires().stream().filter(facts::isSkipped).toList();
    if (!missing.isEmpty()) {
      status = Status.ERROR;
      for (FactError e : missing) {
        findings.add(new Report.Finding("fact area " + e.area() + " could not be gathered: " + e.api() + " "
            + e.code() + (e.message() == null ? "" : ": " + e.message()), e.area()));
      }
    } else if (!skippedAreas.isEmpty()) {
      status = Status.SKIPPED;
      for (String a : skippedAreas) {
        String reason = facts.skipped().stream().filter(s -> s.area().equals(a)).findFirst().map(s -> s.reason()).orElse("");
        findings.add(new Report.Finding(facts.isOutOfScope(a) ? "not evaluated: " + reason
            : "not evaluated: fact area " + a + " was not gathered (" + reason + ")", a));
      }
    } else if (r.error() != null) {
      status = Status.ERROR;
      findings.add(new Report.Finding("policy evaluation failed: " + r.error(), c.policyFile()));
    } else if (!r.deny().isEmpty()) {
      // A check naming a prevents code predicts a certain ExportImage error: never a warning.
      boolean blocks = c.prevents() != null || c.severity().atLeast(failOn) || failOnWarn;
      status = blocks ? Status.FAIL : Status.WARN;
      findings.addAll(r.deny());
      findings.addAll(r.warn());
    } else if (!r.warn().isEmpty()) {
      status = failOnWarn ? Status.FAIL : Status.WARN;
      findings.addAll(r.warn());
    } else {
      status = Status.PASS;
    }
    return new Report.CheckResult(c.id(), c.title(), c.description(), c.area(), c.severity(), status, c.prevents(),
        List.copyOf(findings), c.remediation(), c.policyFile(), c.line());
  }
}
