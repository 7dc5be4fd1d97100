package io.exportguard.policy;

import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Skipped;
import io.exportguard.facts.Unknown;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the engine's raw results into check statuses (DESIGN.md): a required fact area that failed
 * makes the check {@code error} whatever Rego said, one that was skipped makes it {@code skipped};
 * a required fact a static scan could not establish ({@code Facts.unknown}) makes it {@code skipped}
 * too, with the scan's reason ({@link #outOfScope}); {@code deny} findings of a check that names a
 * {@code prevents} code always fail (a certain ExportImage error is never a warning); those of an
 * advisory check fail at or above {@code --fail-on} and warn below it; {@code warn} findings warn,
 * or fail with {@code --fail-on-warn}.
 *
 * <p>A check's {@code requires} names fact areas ({@code role}) or fields within them
 * ({@code role.trustPolicy}); a requirement matches an error, a skipped area or an unknown fact
 * when one is a field path within the other ({@link Unknown#overlap}).
 *
 * @param failOn the lowest severity whose deny findings fail an advisory check
 */
public record StatusRules(Severity failOn, boolean failOnWarn) {
  public static final StatusRules DEFAULT = new StatusRules(Severity.INFO, false);

  /** The status of a check whose only findings are warnings: warn, or fail with {@code --fail-on-warn}. */
  public Status warningStatus() {
    return failOnWarn ? Status.FAIL : Status.WARN;
  }

  public List<Report.CheckResult> apply(Facts facts, List<RawResult> raw) {
    List<Report.CheckResult> out = new ArrayList<>();
    for (RawResult r : raw) out.add(apply(facts, r));
    return out;
  }

  public Report.CheckResult apply(Facts facts, RawResult r) {
    CheckDefinition c = r.check();
    List<Report.Finding> findings = new ArrayList<>();
    Status status;
    // Loops, not streams: this runs for every check on a preflight's critical path, where linking
    // a lambda costs more than the loop.
    List<FactError> missing = new ArrayList<>();
    for (FactError e : facts.errors()) if (requires(c, e.area())) missing.add(e);
    List<Skipped> skippedAreas = new ArrayList<>();
    for (Skipped sk : facts.skipped()) if (requires(c, sk.area())) skippedAreas.add(sk);
    List<Unknown> unknown = unknown(facts, c);
    if (!missing.isEmpty()) {
      status = Status.ERROR;
      for (FactError e : missing) {
        findings.add(new Report.Finding("fact area " + e.area() + " could not be gathered: " + e.api() + " "
            + e.code() + (e.message() == null ? "" : ": " + e.message()), e.area()));
      }
    } else if (!skippedAreas.isEmpty()) {
      status = Status.SKIPPED;
      for (Skipped sk : skippedAreas) {
        String reason = sk.reason() == null ? "" : sk.reason();
        findings.add(new Report.Finding(sk.isOutOfScope() ? "not evaluated: " + reason
            : "not evaluated: fact area " + sk.area() + " was not gathered (" + reason + ")", sk.area()));
      }
    } else if (!unknown.isEmpty()) {
      status = Status.SKIPPED;
      for (Unknown u : unknown) {
        findings.add(new Report.Finding("not evaluated: " + u.fact() + " is unknown (" + u.reason() + ")", u.fact()));
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
      status = warningStatus();
      findings.addAll(r.warn());
    } else {
      status = Status.PASS;
    }
    // Deny findings come first; a failure made only of warnings (--fail-on-warn) has none that block.
    int blocking = r.error() == null && status != Status.SKIPPED && status != Status.ERROR ? r.deny().size()
        : findings.size();
    return new Report.CheckResult(c.id(), c.title(), c.description(), c.area(), c.severity(), status, c.prevents(),
        List.copyOf(findings), c.remediation(), c.policyFile(), c.line(), null, null, blocking);
  }

  /**
   * True when the check is skipped only because a fact it requires lies outside a static scan's
   * files (no fact it requires failed or was skipped): such a check does not affect the verdict.
   */
  public boolean outOfScope(Facts facts, CheckDefinition c) {
    return facts.errors().stream().noneMatch(e -> requires(c, e.area()))
        && facts.skipped().stream().noneMatch(sk -> requires(c, sk.area()))
        && !unknown(facts, c).isEmpty();
  }

  /**
   * True when the check's status follows from the facts whatever its policy would say: an area it
   * requires is in error or skipped, or a fact it requires is unknown ({@link #apply} looks at those
   * before the policy's result). Such a check need not be evaluated.
   */
  public boolean decidedByFacts(Facts facts, CheckDefinition c) {
    for (FactError e : facts.errors()) if (requires(c, e.area())) return true;
    for (Skipped sk : facts.skipped()) if (requires(c, sk.area())) return true;
    for (Unknown u : facts.unknown()) if (requires(c, u.fact())) return true;
    return false;
  }

  private static List<Unknown> unknown(Facts facts, CheckDefinition c) {
    List<Unknown> out = new ArrayList<>();
    for (Unknown u : facts.unknown()) if (requires(c, u.fact())) out.add(u);
    return out;
  }

  private static boolean requires(CheckDefinition c, String fact) {
    for (String r : c.requires()) if (Unknown.overlap(r, fact)) return true;
    return false;
  }
}
