package io.exportguard.report.internal;

import io.exportguard.facts.FactError;
import io.exportguard.report.Report;
import io.exportguard.report.Status;
import java.util.List;

/** The sentences the human-readable writers share about a summary, so they never say different things. */
public final class Explain {
  private Explain() {}

  /**
   * How the checks of a passing target went: "all N checks passed" only when every check did (with
   * the waived ones named when there are any), otherwise the counts (warned and skipped checks did
   * not pass).
   */
  public static String passed(Report.Summary s, int total) {
    if (s.passed() == total) return "all " + total + " checks passed";
    if (s.passed() + s.waived() == total) {
      return "all " + total + " checks passed or were waived (" + s.waived() + " waived)";
    }
    StringBuilder b = new StringBuilder().append(s.passed()).append(" of ").append(total).append(" checks passed");
    if (s.warned() > 0) b.append(", ").append(s.warned()).append(" warned");
    if (s.waived() > 0) b.append(", ").append(s.waived()).append(" waived");
    if (s.skipped() > 0) b.append(", ").append(s.skipped()).append(" skipped");
    return b.toString();
  }

  /** Why a target's verdict is error, in the order of the verdict rules. */
  public static String error(Report.Summary s, List<Report.CheckResult> checks, List<FactError> errors) {
    int total = checks == null ? 0 : checks.size();
    if (s.errors() > 0) return s.errors() + " of " + total + " checks could not be evaluated";
    int facts = errors == null ? 0 : errors.size();
    if (facts > 0) {
      return facts + (facts == 1 ? " fact" : " facts") + " could not be gathered, so a pass cannot be established";
    }
    long skipped = checks == null ? 0
        : checks.stream().filter(c -> c.status() == Status.SKIPPED && c.prevents() != null).count();
    if (skipped > 0) {
      return skipped + (skipped == 1 ? " check that predicts an ExportImage error was" : " checks that predict an"
          + " ExportImage error were") + " skipped";
    }
    return "no check was evaluated";
  }

  /** The headline of a run of many targets: how the targets went, what blocks first. */
  public static String targets(Report.TargetTotals t, List<FactError> runErrors) {
    if (t.targets() == 0) return "no target was evaluated";
    StringBuilder b = new StringBuilder();
    if (t.passed() == t.targets() && runErrors.isEmpty()) {
      return "all " + t.targets() + (t.targets() == 1 ? " target passed" : " targets passed");
    }
    if (t.failed() > 0) b.append(t.failed()).append(" of ").append(t.targets()).append(" targets failed");
    if (t.errored() > 0) {
      b.append(b.length() == 0 ? "" : ", ").append(t.errored()).append(" of ").append(t.targets())
          .append(" targets could not be decided");
    }
    if (!runErrors.isEmpty()) {
      b.append(b.length() == 0 ? "" : ", ").append(runErrors.size())
          .append(runErrors.size() == 1 ? " fact" : " facts").append(" outside any target could not be gathered");
    }
    return b.append(", ").append(t.passed()).append(" passed").toString();
  }
}
