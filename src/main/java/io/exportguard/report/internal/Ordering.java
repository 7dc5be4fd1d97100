package io.exportguard.report.internal;

import io.exportguard.report.Report;
import io.exportguard.report.Report.CheckResult;
import io.exportguard.report.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order people read checks in: what blocks first, then by severity, then by id. */
public final class Ordering {
  private Ordering() {}

  /** fail, error, warn, waived, skipped, pass: the order a reader acts on. */
  public static int rank(Status s) {
    return switch (s) {
      case FAIL -> 0;
      case ERROR -> 1;
      case WARN -> 2;
      case WAIVED -> 3;
      case SKIPPED -> 4;
      case PASS -> 5;
    };
  }

  /** Every status in {@link #rank} order. */
  public static final List<Status> STATUSES =
      List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.WAIVED, Status.SKIPPED, Status.PASS);

  // The comparators are classes of their own rather than chains of lambdas: every report orders
  // its checks, and linking a lambda costs far more than running it (~2 ms of a preflight's start-up).

  public static final Comparator<CheckResult> BY_URGENCY = new ChecksByUrgency();

  /** Targets in the order a reader acts on them: failed, then errored, then passed; by key within each. */
  public static final Comparator<Report.TargetResult> TARGETS_BY_URGENCY = new TargetsByUrgency();

  /** By {@link #rank} of the status, then severity, then id. */
  private static final class ChecksByUrgency implements Comparator<CheckResult> {
    @Override
    public int compare(CheckResult a, CheckResult b) {
      int c = Integer.compare(rank(a.status()), rank(b.status()));
      if (c == 0) c = a.severity().compareTo(b.severity());
      if (c == 0) c = (a.id() == null ? "" : a.id()).compareTo(b.id() == null ? "" : b.id());
      return c;
    }
  }

  private static final class TargetsByUrgency implements Comparator<Report.TargetResult> {
    @Override
    public int compare(Report.TargetResult a, Report.TargetResult b) {
      int c = Integer.compare(verdictRank(a), verdictRank(b));
      return c != 0 ? c : a.target().key().compareTo(b.target().key());
    }

    private static int verdictRank(Report.TargetResult t) {
      return switch (t.summary().verdict()) {
        case FAIL -> 0;
        case ERROR -> 1;
        case PASS -> 2;
      };
    }
  }

  public static List<CheckResult> byUrgency(List<CheckResult> checks) {
    List<CheckResult> sorted = new ArrayList<>(checks == null ? List.of() : checks);
    sorted.sort(BY_URGENCY);
    return sorted;
  }
}
