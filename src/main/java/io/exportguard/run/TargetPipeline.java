package io.exportguard.run;

import io.exportguard.facts.FactError;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.TargetFacts;
import io.exportguard.policy.CheckEvaluation;
import io.exportguard.report.Report;
import io.exportguard.report.ReportSink;
import java.util.List;

/**
 * The middle of every run: each target a {@link FactsSource} delivers is decided by the one
 * compiled {@link CheckEvaluation}, passed through the run's steps (preflight's export), and handed
 * to the {@link ReportSink}. It adds no threads of its own: a source that gathers many targets
 * concurrently calls it from its threads, and the evaluation and the sink are thread-safe.
 */
public final class TargetPipeline {

  /** Something done with a decided target before it is reported (preflight's export). */
  @FunctionalInterface
  public interface Step {
    Report.TargetResult after(TargetFacts facts, Report.TargetResult decided);
  }

  private final CheckEvaluation evaluation;
  private final List<Step> steps;

  public TargetPipeline(CheckEvaluation evaluation, Step... steps) {
    this(evaluation, List.of(steps));
  }

  /** The steps run in order: the run's result steps (waivers, baseline) first, then e.g. the export. */
  public TargetPipeline(CheckEvaluation evaluation, List<Step> steps) {
    this.evaluation = evaluation;
    this.steps = List.copyOf(steps);
  }

  /** Decides one target. */
  public Report.TargetResult decide(TargetFacts facts) {
    Report.TargetResult result = evaluation.evaluate(facts);
    for (Step s : steps) result = s.after(facts, result);
    return result;
  }

  /** Decides every target of the source into the sink; returns when the source has delivered them all. */
  public void run(FactsSource source, ReportSink sink) throws InterruptedException {
    source.deliver(new FactsSource.Sink() {
      @Override
      public void target(TargetFacts facts) { sink.add(decide(facts)); }

      @Override
      public void error(FactError error) { sink.error(error); }
    });
  }
}
