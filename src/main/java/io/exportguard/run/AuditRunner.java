package io.exportguard.run;

import io.exportguard.audit.AccountAudit;
import io.exportguard.audit.ApiPacer;
import io.exportguard.audit.ApiRates;
import io.exportguard.audit.AuditPlan;
import io.exportguard.audit.AuditProgress;
import io.exportguard.audit.ProgressDisplay;
import io.exportguard.audit.Shard;
import io.exportguard.cloud.BucketNames;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.Endpoints;
import io.exportguard.cloud.RetryPolicy;
import io.exportguard.facts.FactError;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.TargetFacts;
import io.exportguard.facts.Request;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.report.ExitCodes;
import io.exportguard.report.Report;
import io.exportguard.report.ReportSink;
import io.exportguard.report.TargetSpool;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exportguard audit}: the pipeline for a whole account. A {@link CloudSession} yields the
 * clients (as {@code --assume-role} when given), every call paced per API by an {@link ApiPacer};
 * the {@link AccountAudit} source enumerates the targets; the run's one compiled evaluation decides
 * each; a {@link TargetSpool} writes each result to disk as it is decided, so memory does not grow
 * with the account; the {@link ReportOutput} renders every format from it. Ctrl-C or SIGTERM stops
 * the audit within seconds and writes the report of what was decided, marked incomplete (exit 2).
 */
public final class AuditRunner extends CommandRunner<AuditRunner.Options> {
  private static final String PREFIX = "exportguard audit: ";
  /** Retries of an audit's calls: more patient than preflight's (throttling is expected, not exceptional). */
  static final RetryPolicy RETRY = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(20));
  static final int THREADS_PER_API = 8;

  /**
   * Everything audit takes besides the shared policy options.
   *
   * @param regions {@code --regions}: null or {@code all} for every region, else a comma list
   * @param images {@code --images}: image id patterns, comma-separated, or null
   */
  public record Options(String regions, String images, String bucket, String role, String since, String shard,
                        String assumeRole, String apiRate, boolean quiet, PolicyOptions policy, String profile,
                        String sandbox, String endpoint) {}

  public AuditRunner(PrintWriter out, PrintWriter err) {
    this(out, err, PolicyEngineFactory.EMBEDDED);
  }

  public AuditRunner(PrintWriter out, PrintWriter err, PolicyEngineFactory engines) {
    super(PREFIX, out, err, engines);
  }

  @Override
  protected int runChecked(Options o) throws BadInputException {
    Trace.phase(err, "command line parsed");
    RunClock clock = RunClock.fromEnvironment();
    List<String> regions = regions(o.regions());
    List<String> images = list(o.images());
    Duration since = o.since() == null ? Duration.ofDays(30) : Durations.parseWindow("--since", o.since());
    Shard shard = shard(o.shard());
    ApiRates rates;
    try {
      rates = ApiRates.parse(o.apiRate());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--api-rate " + e.getMessage());
    }
    if (o.bucket() != null) checkBucket("--bucket", o.bucket());
    String role = o.role() == null ? Request.DEFAULT_ROLE : o.role();
    ReportOutput output = ReportOutput.of(o.policy());
    try (PolicyCompilation policies = PolicyCompilation.start(o.policy(), clock, engines, PreflightRunner.DEFAULT_TIMEOUT);
         CloudSession session = CloudSession.begin(o.sandbox(), o.endpoint(), o.profile(), CALL_BOUND)) {
      Trace.phase(err, "policies loaded (compiling meanwhile)");
      Map<String, String> buckets = auditBuckets(policies);
      AuditPlan plan = new AuditPlan(regions, images, o.bucket(), buckets, role, since, shard, o.assumeRole());
      ApiPacer pacer = new ApiPacer(rates);
      CloudClients clients = session.auditClients(pacer, o.assumeRole(), RETRY);
      Trace.phase(err, "clients ready, credentials checked");
      AuditProgress progress = new AuditProgress(pacer);
      AccountAudit audit = new AccountAudit(clients, plan, clock.now(), progress, THREADS_PER_API,
          Math.max(1, Runtime.getRuntime().availableProcessors()));
      try (TargetSpool spool = TargetSpool.create();
           Interruption interruption = Interruption.on(audit::stop);
           ProgressDisplay display = ProgressDisplay.start(progress, err, o.quiet())) {
        // The calls start while the policies still compile: the first targets wait for them instead.
        CompilingPipeline pipeline = new CompilingPipeline(policies, audit);
        try {
          audit.deliver(pipeline.into(spool));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          audit.stop();
        }
        display.finish();
        pipeline.ready();
        Trace.phase(err, "targets decided");
        if (Trace.ON) err.print(pacer.timeline(Prestart.mainStartedNanos));
        List<FactError> extra = new ArrayList<>();
        if (audit.stopped()) {
          extra.add(new FactError("run", "-", "Interrupted", "the audit was stopped after " + progress.targetsDecided()
              + " of " + progress.targetsFound() + " targets found so far were decided: this report is incomplete"));
        }
        Report report = spool.report(ReportOutput.tool(), clock.startedAt(), clock.elapsedMillis(),
            scope(plan, audit.accountId(), since), extra).withPolicy(policies.digest());
        policies.warnings().forEach(w -> err.println(PREFIX + "warning: " + w));
        if (!o.quiet()) err.println(PREFIX + pacer.summary());
        try {
          output.write(report, out, err);
          Trace.phase(err, "reports written");
          Trace.threads(err);
        } catch (IOException e) {
          err.println(PREFIX + "cannot write the report: " + e.getMessage());
          return ExitCodes.ERROR;
        }
        return audit.stopped() ? ExitCodes.ERROR : report.summary().verdict().exitCode();
      } catch (IOException e) {
        err.println(PREFIX + "cannot keep the results on disk: " + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
  }

  /**
   * The run's pipeline once its policies have compiled. A policy that does not compile stops the
   * audit and is bad input (exit 2, no report), as if it had been found before the first call.
   */
  private static final class CompilingPipeline {
    private final PolicyCompilation policies;
    private final AccountAudit audit;
    private volatile TargetPipeline pipeline;
    private BadInputException failed;

    CompilingPipeline(PolicyCompilation policies, AccountAudit audit) {
      this.policies = policies;
      this.audit = audit;
    }

    /** The pipeline, waiting for the compilation; null when it failed (the audit is then stopped). */
    private TargetPipeline pipeline() {
      TargetPipeline p = pipeline;
      if (p != null) return p;
      synchronized (this) {
        if (pipeline == null && failed == null) {
          try {
            // Waivers and --baseline apply to every target of the account, finding by finding.
            pipeline = new TargetPipeline(policies.evaluation(), policies.steps());
          } catch (BadInputException e) {
            failed = e;
            audit.stop();
          }
        }
        return pipeline;
      }
    }

    /** Throws the compilation's failure, once the audit has ended. */
    void ready() throws BadInputException {
      if (pipeline() == null) throw failed;
    }

    FactsSource.Sink into(ReportSink sink) {
      return new FactsSource.Sink() {
        @Override
        public void target(TargetFacts facts) {
          TargetPipeline p = pipeline();
          if (p != null) sink.add(p.decide(facts));
        }

        @Override
        public void error(FactError error) { sink.error(error); }
      };
    }
  }

  /** No single call may take longer than this; an audit as a whole has no time limit (Ctrl-C stops it). */
  static final Duration CALL_BOUND = Duration.ofMinutes(5);

  private static Report.Scope scope(AuditPlan plan, String account, Duration since) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("regions", plan.regions() == null ? "all" : String.join(",", plan.regions()));
    settings.put("images", plan.images().isEmpty() ? "all" : String.join(",", plan.images()));
    settings.put("role", plan.roleName());
    settings.put("since", Durations.format(since));
    if (plan.bucket() != null) settings.put("bucket", plan.bucket());
    plan.buckets().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> settings.put("bucket." + e.getKey(), e.getValue()));
    if (plan.assumeRole() != null) settings.put("assumeRole", plan.assumeRole());
    return new Report.Scope("audit", account, settings, plan.shard().isWhole() ? null : plan.shard().toString());
  }

  private static List<String> regions(String text) throws BadInputException {
    if (text == null || text.strip().equalsIgnoreCase("all")) return null;
    List<String> out = new ArrayList<>();
    for (String r : list(text)) {
      if (!Endpoints.plausibleRegion(r)) throw new BadInputException("--regions: '" + r + "' is not a region id like cn-hangzhou");
      if (!out.contains(r)) out.add(r);
    }
    if (out.isEmpty()) throw new BadInputException("--regions: give all, or a comma list of region ids");
    return out;
  }

  private static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (String part : text.split(",")) {
      if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  private static Shard shard(String text) throws BadInputException {
    if (text == null) return Shard.ALL;
    try {
      return Shard.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--shard " + e.getMessage());
    }
  }

  private static void checkBucket(String flag, String name) throws BadInputException {
    if (!BucketNames.valid(name)) {
      throw new BadInputException(flag + " '" + name + "' is not a valid OSS bucket name (3-63 of a-z, 0-9 and -,"
          + " starting and ending with a letter or digit)");
    }
  }

  /** The {@code auditBuckets} map of the data ({@code --data}): an export bucket per region. */
  private static Map<String, String> auditBuckets(PolicyCompilation policies) throws BadInputException {
    Object value = policies.configValue("auditBuckets");
    if (value == null) return Map.of();
    if (!(value instanceof Map<?, ?> map)) {
      throw new BadInputException("--data: auditBuckets must map region ids to bucket names, e.g. {\"cn-hangzhou\": \"my-exports\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String region = String.valueOf(e.getKey());
      if (!Endpoints.plausibleRegion(region)) {
        throw new BadInputException("--data: auditBuckets: '" + region + "' is not a region id like cn-hangzhou");
      }
      if (!(e.getValue() instanceof String bucket)) {
        throw new BadInputException("--data: auditBuckets." + region + " must be a bucket name");
      }
      checkBucket("--data: auditBuckets." + region, bucket);
      out.put(region, bucket);
    }
    return out;
  }
}
