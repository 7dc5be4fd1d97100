package io.exportguard.run;

import io.exportguard.facts.FactsFormatException;
import io.exportguard.facts.SavedFactsSource;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.report.ExitCodes;
import io.exportguard.report.Report;
import io.exportguard.report.ReportCollector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code exportguard eval}: the pipeline of preflight with a saved facts document as its source and
 * no export, so it decides exactly as preflight did.
 */
public final class EvalRunner {
  private static final String PREFIX = "exportguard eval: ";

  private final PrintWriter out;
  private final PrintWriter err;
  private final PolicyEngineFactory engines;

  public EvalRunner(PrintWriter out, PrintWriter err) {
    this(out, err, PolicyEngineFactory.EMBEDDED);
  }

  /** With another policy engine (an OPA server, or a stub in tests). */
  public EvalRunner(PrintWriter out, PrintWriter err, PolicyEngineFactory engines) {
    this.out = out;
    this.err = err;
    this.engines = engines;
  }

  public int run(Path factsFile, PolicyOptions options) {
    return run(factsFile, options, null);
  }

  /** With {@code --timeout} (null: {@link PreflightRunner#DEFAULT_TIMEOUT}), the bound on evaluating every check. */
  public int run(Path factsFile, PolicyOptions options, String timeout) {
    try {
      Duration evalTimeout = timeout == null ? PreflightRunner.DEFAULT_TIMEOUT : Durations.parse("--timeout", timeout);
      RunClock clock = RunClock.fromEnvironment();
      SavedFactsSource source;
      try {
        source = SavedFactsSource.load(PathFlags.named("--facts", factsFile));
      } catch (FactsFormatException e) {
        throw new BadInputException("--facts " + e.getMessage());
      }
      ReportOutput output = ReportOutput.of(options);
      try (PolicyCompilation policies = PolicyCompilation.start(options, clock, engines, evalTimeout)) {
        ReportCollector collector = new ReportCollector(true);
        new TargetPipeline(policies.evaluation()).run(source, collector);
        Report report = collector.report(ReportOutput.tool(), clock.startedAt(), clock.elapsedMillis())
            .withPolicy(policies.source());
        output.write(report, out);
        return report.summary().verdict().exitCode();
      }
    } catch (BadInputException e) {
      err.println(PREFIX + e.getMessage());
      return ExitCodes.ERROR;
    } catch (IOException e) {
      err.println(PREFIX + "cannot write the report: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(PREFIX + "interrupted");
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
