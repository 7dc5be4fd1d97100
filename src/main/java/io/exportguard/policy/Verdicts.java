package io.exportguard.policy;

import io.exportguard.facts.FactError;
import io.exportguard.report.Report;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.util.List;
import java.util.Set;

/**
 * The verdict from the check results and the facts (DESIGN.md, "Verdict and exit code"):
 * {@code fail} when any check failed; otherwise {@code error} when any check errored, when the facts
 * list any entry in {@code errors} (whether or not a loaded check requires that area), when a check
 * that names a {@code prevents} code was skipped, or when no check was evaluated at all; otherwise
 * {@code pass}. In a static scan, a check skipped because its facts lie outside the scanned files
 * (named in {@code outOfScope}) does not affect the verdict, whatever it prevents. This is the only
 * place the rule is written.
 */
public final class Verdicts {
  private Verdicts() {}

  /** The summary of one target's checks, given the facts errors of that target. */
  public static Report.Summary summarize(List<Report.CheckResult> checks, List<FactError> factErrors) {
    return summarize(checks, factErrors, Set.of());
  }

  /**
   * As {@link #summarize(List, List)}, where the checks named in {@code outOfScope} were skipped
   * because the run does not cover a fact they require (an audit's
   * other targets, a static scan's facts outside its files; DESIGN.md: such a skip does not affect the
   * verdict, even for a check that names a {@code prevents} code).
   */
  public static Report.Summary summarize(List<Report.CheckResult> checks, List<FactError> factErrors,
                                         Set<String> outOfScope) {
    int[] n = new int[Status.values().length];
    boolean preventingCheckSkipped = false;
    for (Report.CheckResult c : checks) {
      n[c.status().ordinal()]++;
      if (c.status() == Status.SKIPPED && c.prevents() != null && !outOfScope.contains(c.id())) {
        preventingCheckSkipped = true;
      }
    }
    int evaluated = n[Status.PASS.ordinal()] + n[Status.WARN.ordinal()] + n[Status.WAIVED.ordinal()]
        + n[Status.FAIL.ordinal()] + n[Status.ERROR.ordinal()];
    Verdict v;
    if (n[Status.FAIL.ordinal()] > 0) v = Verdict.FAIL;
    else if (n[Status.ERROR.ordinal()] > 0 || !factErrors.isEmpty() || preventingCheckSkipped || evaluated == 0) {
      v = Verdict.ERROR;
    } else v = Verdict.PASS;
    return new Report.Summary(v, n[Status.PASS.ordinal()], n[Status.WARN.ordinal()], n[Status.FAIL.ordinal()],
        n[Status.ERROR.ordinal()], n[Status.SKIPPED.ordinal()], n[Status.WAIVED.ordinal()]);
  }

  /** {@link #summarize(List, List)} for checks whose facts had no errors. */
  public static Report.Summary summarize(List<Report.CheckResult> checks) {
    return summarize(checks, List.of());
  }
}
