package io.exportguard.run;

import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.LiveImageSource;
import io.exportguard.export.ExportStep;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Request;
import io.exportguard.facts.TargetFacts;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.report.ExitCodes;
import io.exportguard.report.Report;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code exportguard preflight}: the pipeline for one export request. A {@link CloudSession} yields
 * the clients, the {@link LiveImageSource} gathers the image's facts, the run's one compiled
 * evaluation decides them, the {@link ExportStep} runs the export the verdict allowed, and the
 * {@link ReportOutput} writes the report. Every flag is checked before the first cloud call.
 */
public final class PreflightRunner extends CommandRunner<PreflightRunner.Options> {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(60);
  private static final String PREFIX = "exportguard preflight: ";

  /** Everything preflight takes besides the shared policy options. */
  public record Options(Request request, PolicyOptions policy, String profile, String sandbox, String endpoint,
                        String timeout, Path saveFacts, boolean export, boolean await) {}

  public PreflightRunner(PrintWriter out, PrintWriter err) {
    this(out, err, PolicyEngineFactory.EMBEDDED);
  }

  /** With another policy engine (an OPA server, or a stub in tests). */
  public PreflightRunner(PrintWriter out, PrintWriter err, PolicyEngineFactory engines) {
    super(PREFIX, out, err, engines);
  }

  @Override
  protected int runChecked(Options o) throws BadInputException {
    Trace.phase(err, "command line parsed");
    RunClock clock = RunClock.fromEnvironment();
    if (o.await() && !o.export()) throw new BadInputException("--wait needs --export");
    Duration timeout = o.timeout() == null ? DEFAULT_TIMEOUT : Durations.parse("--timeout", o.timeout());
    Duration wait = o.timeout() == null ? DEFAULT_WAIT : timeout;
    if (o.saveFacts() != null) PathFlags.writableFile("--save-facts", o.saveFacts());
    ReportOutput output = ReportOutput.of(o.policy());
    try (CloudSession session = CloudSession.begin(o.sandbox(), o.endpoint(), o.profile(), timeout);
         PolicyCompilation policies = PolicyCompilation.start(o.policy(), clock, engines, timeout)) {
      Trace.phase(err, "policies started (a built-in-only pack loads on the compile thread)");
      CloudClients clients = session.clientsCheckingIdentity();
      Trace.phase(err, "clients ready");
      LiveImageSource source = new LiveImageSource(clients, o.request(), clock.now(), timeout);
      CompletableFuture<TargetFacts> gathering = Daemons.start("exportguard-facts", source::gather);
      // Rejected credentials end the run as soon as STS says so; the gathering is then abandoned.
      session.confirmIdentity();
      TargetFacts facts = Daemons.join(gathering);
      Trace.phase(err, "facts gathered");
      if (o.saveFacts() != null) save(facts, o.saveFacts());
      ExportIfPassed export = new ExportIfPassed(o.export() ? new ExportStep(clients, out, err, PREFIX) : null,
          o.request(), policies::policiesSha256, o.await() ? wait : null);
      java.util.List<TargetPipeline.Step> steps = new java.util.ArrayList<>(policies.steps());
      steps.add(export);
      Report.TargetResult result = new TargetPipeline(policies.evaluation(), steps).decide(facts);
      policies.warnings().forEach(w -> err.println(PREFIX + "warning: " + w));
      Trace.phase(err, "decided");
      Report report = Report.single(ReportOutput.tool(), clock.startedAt(), clock.elapsedMillis(), result)
          .withPolicy(policies.source());
      try {
        // Printed with the outcome, not before: a run that ends in bad input says only what was wrong.
        err.println("identity: " + session.identityLine());
        output.write(report, out, err);
      } catch (IOException e) {
        err.println(PREFIX + "cannot write the report: " + e.getMessage());
        return ExitCodes.ERROR;
      }
      Trace.phase(err, "reports written");
      return export.exitCode >= 0 ? export.exitCode : report.summary().verdict().exitCode();
    } finally {
      Trace.phase(err, "closed");
      Trace.threads(err);
    }
  }

  private static void save(TargetFacts facts, Path file) throws BadInputException {
    try {
      FactsJson.save(facts.document(), file);
    } catch (IOException e) {
      throw new BadInputException("--save-facts " + file + ": cannot write (" + e.getMessage() + ")");
    }
  }

  /** The pipeline step of {@code --export}: exports only a target whose verdict is pass with no check in error. */
  private final class ExportIfPassed implements TargetPipeline.Step {
    private final ExportStep step;
    private final Request request;
    /** Hashing every policy source is only worth it when an export records it. */
    private final java.util.function.Supplier<String> policiesSha256;
    private final Duration wait;
    /** The exit code the export decided, or -1 when none ran. */
    int exitCode = -1;

    ExportIfPassed(ExportStep step, Request request, java.util.function.Supplier<String> policiesSha256,
                   Duration wait) {
      this.step = step;
      this.request = request;
      this.policiesSha256 = policiesSha256;
      this.wait = wait;
    }

    @Override
    public Report.TargetResult after(TargetFacts facts, Report.TargetResult decided) {
      if (step == null) return decided;
      boolean anyError = decided.checks().stream().anyMatch(c -> c.status() == Status.ERROR);
      if (decided.summary().verdict() != Verdict.PASS || anyError) {
        err.println(PREFIX + "verdict is " + decided.summary().verdict().id() + "; not exporting");
        return decided;
      }
      ExportStep.Outcome r = step.run(request, FactsJson.sha256(facts.document()), policiesSha256.get(), wait);
      exitCode = r.exitCode();
      return decided.withExport(r.record());
    }
  }
}
