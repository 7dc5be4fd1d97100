package io.exportguard.run;

import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsFormatException;
import io.exportguard.facts.FactsJson;
import io.exportguard.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code exportguard eval}: evaluates a saved facts document offline, exactly as preflight would. */
public final class EvalRunner {
  private final PrintWriter out;
  private final PrintWriter err;

  public EvalRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public int run(Path factsFile, PolicyOptions options) {
    try {
      RunClock clock = RunClock.fromEnvironment();
      FactsDocument doc;
      try {
        doc = FactsJson.load(factsFile);
      } catch (FactsFormatException e) {
        throw new BadInputException("--facts " + e.getMessage());
      }
      try (Evaluation evaluation = Evaluation.prepare(options, clock)) {
        Report report = evaluation.evaluate(doc, null);
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
