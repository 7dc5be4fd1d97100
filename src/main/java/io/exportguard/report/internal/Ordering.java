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

  public static final Comparator<CheckResult> BY_URGENCY = Comparator
      .comparingInt((CheckResult c) -> rank(c.status()))
      .thenComparing(CheckResult::severity)
      .thenComparing(c -> c.id() == null ? "" : c.id());

  /** Targets in the order a reader acts on them: failed, then errored, then passed; by key within each. */
  public static final Comparator<Report.TargetResult> TARGETS_BY_URGENCY = Comparator
      .comparingInt((Report.TargetResult t) -> switch (t.summary().verdict()) {
        case FAIL -> 0;
        case ERROR -> 1;
        case PASS -> 2;
      })
      .thenComparing(t -> t.target().key());

  public static List<CheckResult> byUrgency(List<CheckResult> checks) {
    List<CheckResult> sorted = new ArrayList<>(checks == null ? List.of() : checks);
    sorted.sort(BY_URGENCY);
    return sorted;
  }
}
