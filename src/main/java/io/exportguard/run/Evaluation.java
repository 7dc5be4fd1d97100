package io.exportguard.run;

import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.Request;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyDefinitionException;
import io.exportguard.policy.PolicyEngine;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.policy.PolicyLoadException;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.StatusRules;
import io.exportguard.policy.Verdicts;
import io.exportguard.policy.bundle.BundleException;
import io.exportguard.policy.bundle.BundleKey;
import io.exportguard.rego.EvalOptions;
import io.exportguard.report.Report;
import io.exportguard.report.ConsoleReportWriter;
import io.exportguard.report.ReportFiles;
import io.exportguard.report.ReportWriter;
import io.exportguard.report.ReportWriters;
import io.exportguard.report.Severity;
import io.exportguard.report.UnknownReportFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The half preflight and eval share: validating the policy and report options, loading and
 * compiling the policies (before any cloud call, so bad input fails fast), evaluating a facts
 * document into a report, and writing it.
 */
final class Evaluation implements AutoCloseable {
  private final CompletableFuture<PolicyEngine> compiling;
  private PolicyEngine engine;
  private final LoadedPolicies loaded;
  private final StatusRules rules;
  private final List<ReportWriter> writers;
  private final Path out;
  private final RunClock clock;

  private Evaluation(CompletableFuture<PolicyEngine> compiling, LoadedPolicies loaded, StatusRules rules, List<ReportWriter> writers,
                     Path out, RunClock clock) {
    this.compiling = compiling;
    this.loaded = loaded;
    this.rules = rules;
    this.writers = writers;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Validates everything the user gave and loads the policy files; any problem is a
   * {@link BadInputException}. Compiling runs on its own thread meanwhile (it takes a good part of
   * a run's start-up), so preflight can gather facts at the same time; {@link #ready()} joins it.
   */
  static Evaluation prepare(PolicyOptions o, RunClock clock, PolicyEngineFactory engines) throws BadInputException {
    Severity failOn = Severity.parse(o.failOn());
    if (failOn == null) {
      throw new BadInputException("--fail-on " + o.failOn() + ": expected critical, high, medium, low or info");
    }
    List<ReportWriter> writers;
    try {
      writers = ReportWriters.forList(o.reportFormats(), ConsoleReportWriter.colourWantedHere());
    } catch (UnknownReportFormatException e) {
      throw new BadInputException(e.getMessage());
    }
    if (Files.exists(o.out()) && !Files.isDirectory(o.out())) {
      throw new BadInputException("--out " + o.out() + ": exists and is not a directory");
    }
    if (o.noDefaultPolicies() && o.policies().isEmpty() && o.bundles().isEmpty()) {
      throw new BadInputException("--no-default-policies needs at least one --policies DIR or --bundle FILE");
    }
    BundleKey key = null;
    if (o.verificationKey() != null) {
      try {
        key = BundleKey.load(o.verificationKey(), o.signingAlg(), false);
      } catch (BundleException e) {
        throw new BadInputException("--verification-key " + e.getMessage());
      }
    }
    LoadedPolicies loaded;
    try {
      loaded = PolicyLoader.load(new PolicyLoader.Sources(o.policies(), !o.noDefaultPolicies(), o.data(), false,
          o.bundles(), key));
    } catch (PolicyLoadException e) {
      throw new BadInputException(e.format());
    }
    EvalOptions eval = EvalOptions.DEFAULT.withTimeout(Duration.ofSeconds(30));
    EvalOptions options = clock.isFixed() ? eval.withNow(clock.now()) : eval;
    CompletableFuture<PolicyEngine> compiling = new CompletableFuture<>();
    Thread compiler = new Thread(() -> {
      try {
        compiling.complete(engines.create(loaded, options));
      } catch (Throwable t) {
        compiling.completeExceptionally(t);
      }
    }, "exportguard-compile");
    compiler.setDaemon(true);
    compiler.start();
    return new Evaluation(compiling, loaded, new StatusRules(failOn, o.failOnWarn()), writers, o.out(), clock);
  }

  /**
   * An evaluation over an engine that is already built (the serve preflight endpoint's, over the
   * server's current policies): it evaluates and builds reports, and writes none.
   */
  static Evaluation over(PolicyEngine engine, LoadedPolicies loaded, StatusRules rules, RunClock clock) {
    Evaluation e = new Evaluation(CompletableFuture.completedFuture(engine), loaded, rules, List.of(), null, clock);
    e.engine = engine;
    return e;
  }

  /** Waits for the policies to compile; a policy that does not compile is bad input. */
  Evaluation ready() throws BadInputException {
    if (engine != null) return this;
    try {
      engine = compiling.get();
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while compiling the policies");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof PolicyDefinitionException p) throw new BadInputException(p.getMessage());
      throw new IllegalStateException("compiling the policies failed", c);
    }
  }

  String policiesSha256() { return loaded.sha256(); }

  /** Evaluates the facts and builds the report; {@code export} is null unless an export ran. */
  Report evaluate(FactsDocument doc, Report.ExportRecord export) {
    if (engine == null) throw new IllegalStateException("ready() first");
    Facts facts = doc.facts();
    List<Report.CheckResult> checks = rules.apply(facts, engine.evaluate(doc.json()));
    return report(facts, checks, export);
  }

  /** The same report with the export section set, the duration read again. */
  Report withExport(Report r, Report.ExportRecord export) {
    return new Report(r.schema(), r.tool(), r.startedAt(), clock.elapsedMillis(), r.target(), r.summary(), r.checks(),
        r.errors(), export, r.policy());
  }

  private Report report(Facts facts, List<Report.CheckResult> checks, Report.ExportRecord export) {
    Request q = facts.request();
    Report.Target target = q == null ? new Report.Target(null, null, null, null, null, null)
        : new Report.Target(q.regionId(), q.imageId(), q.ossBucket(), q.ossPrefix(), q.imageFormat(), q.roleName());
    return new Report(Report.SCHEMA, new Report.Tool("exportguard", version()), clock.startedAt(),
        clock.elapsedMillis(), target, Verdicts.summarize(checks), checks, facts.errors(), export, policySource());
  }

  /** The policy digest and each bundle's revision, when bundles were loaded (otherwise the report leaves it out). */
  private Report.PolicySource policySource() {
    if (loaded.bundles().isEmpty()) return null;
    return new Report.PolicySource(loaded.sha256(), loaded.bundles().stream().map(b -> new Report.BundleRef(b.source(),
        b.manifest().revision(), b.manifest().roots(), b.signature())).toList());
  }

  /** The jar manifest's version, "dev" when running from classes (as {@code --version} prints it). */
  static String version() {
    String v = Evaluation.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Writes every chosen format; the console one to {@code console}. */
  List<Path> write(Report report, PrintWriter console) throws IOException {
    return ReportFiles.writeAll(report, writers, out, console);
  }

  @Override
  public void close() {
    if (engine != null) engine.close();
    else compiling.thenAccept(PolicyEngine::close);
  }
}
