package io.exportguard.report;

import io.exportguard.facts.FactError;

/**
 * The last stage of every pipeline: takes each decided target as it comes. {@link ReportCollector}
 * keeps them for the writers; a sink for very large runs may stream them to disk instead, so memory
 * does not grow with the number of targets. Implementations are thread-safe: a source may deliver
 * from several threads.
 */
public interface ReportSink {
  /** One decided target. */
  void add(Report.TargetResult result);

  /** A facts error that belongs to no single target; it makes the run's verdict at least {@code error}. */
  void error(FactError error);
}
