package io.exportguard.policy;

import io.exportguard.report.Report;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.util.List;

/**
 * The run's verdict from its check results: {@code fail} when any check failed; otherwise
 * {@code error} when any errored or none was evaluated at all; otherwise {@code pass}.
 */
public final class Verdicts {
  private Verdicts() {}

  public static Report.Summary summarize(List<Report.CheckResult> checks) {
    int passed = count(checks, Status.PASS);
    int warned = count(checks, Status.WARN);
    int failed = count(checks, Status.FAIL);
    int errors = count(checks, Status.ERROR);
    int skipped = count(checks, Status.SKIPPED);
    int waived = count(checks, Status.WAIVED);
    Verdict v;
    if (failed > 0) v = Verdict.FAIL;
    else if (errors > 0 || passed + warned + waived == 0) v = Verdict.ERROR;
    else v = Verdict.PASS;
    return new Report.Summary(v, passed, warned, failed, errors, skipped, waived);
  }

  private static int count(List<Report.CheckResult> checks, Status s) {
    return (int) checks.stream().filter(c -> c.status() == s).count();
  }
}
