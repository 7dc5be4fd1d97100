package io.exportguard.report;

import io.exportguard.facts.FactError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sink that keeps every result and makes the {@link Report} the writers render: the
 * single-target shape for a run that decides one target by design (preflight, eval), the
 * many-target shape otherwise. Targets are ordered by their key, so a run whose source delivers
 * from many threads still writes the same report every time.
 */
public final class ReportCollector implements ReportSink {
  private final boolean singleTarget;
  private final List<Report.TargetResult> results = new ArrayList<>();
  private final List<FactError> runErrors = new ArrayList<>();

  /** @param singleTarget true for a run that decides exactly one target ({@value Report#SCHEMA}) */
  public ReportCollector(boolean singleTarget) { this.singleTarget = singleTarget; }

  @Override
  public synchronized void add(Report.TargetResult result) { results.add(result); }

  @Override
  public synchronized void error(FactError error) { runErrors.add(error); }

  /** The report of everything collected so far. */
  public synchronized Report report(Report.Tool tool, Instant startedAt, long durationMs) {
    return report(tool, startedAt, durationMs, null);
  }

  /** The report of everything collected so far, with the scope of a run of many targets. */
  public synchronized Report report(Report.Tool tool, Instant startedAt, long durationMs, Report.Scope scope) {
    if (singleTarget && results.size() == 1 && runErrors.isEmpty()) {
      return Report.single(tool, startedAt, durationMs, results.get(0));
    }
    if (singleTarget) {
      throw new IllegalStateException("a single-target run delivered " + results.size() + " targets and "
          + runErrors.size() + " run-level errors");
    }
    List<Report.TargetResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing((Report.TargetResult r) -> r.target().key()));
    return new Report(Report.SCHEMA_TARGETS, tool, startedAt, durationMs, sorted,
        Report.Summary.total(sorted, runErrors), runErrors, scope);
  }
}
