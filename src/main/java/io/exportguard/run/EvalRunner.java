package io.exportguard.run;

import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsFormatException;
import io.exportguard.facts.FactsJson;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** {@code exportguard eval}: evaluates a saved facts document offline, exactly as preflight would. */
public final class EvalRunner {
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
      FactsDocument doc;
      try {
        doc = FactsJson.load(factsFile);
      } catch (FactsFormatException e) {
        throw new BadInputException("--facts " + e.getMessage());
      }
      try (Evaluation evaluation = Evaluation.prepare(options, clock, engines, evalTimeout)) {
        Report report = evaluation.ready().evaluate(doc, null);
        evaluation.write(report, out);
        return report.summary().verdict().exitCode();
      }
    } catch (BadInputException e) {
      err.println("exportguard eval: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("exportguard eval: cannot write the report: " + e.getMessage());
      return 2;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
