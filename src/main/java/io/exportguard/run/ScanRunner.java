package io.exportguard.run;

import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.LiveImageSource;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsFormatException;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Request;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.report.ExitCodes;
import io.exportguard.report.Report;
import io.exportguard.report.ReportCollector;
import io.exportguard.scan.FactsAssembler;
import io.exportguard.scan.ScanInputException;
import io.exportguard.scan.ScanSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exportguard scan}: the pipeline with the static scan's {@link ScanSource} as its facts
 * source. Every file is read and every reference resolved before the policies run or any cloud call
 * is made; facts the files do not declare come from {@code --facts FILE} or, with {@code --live},
 * from the cloud through the same gathering preflight uses. The report is always of many targets
 * ({@value Report#SCHEMA_TARGETS}) and states the scan's scope.
 */
public final class ScanRunner extends CommandRunner<ScanRunner.Options> {
  private static final String PREFIX = "exportguard scan: ";

  /**
   * Everything scan takes besides the shared policy options.
   *
   * @param facts a saved facts document for what the files do not declare, or null
   * @param live gather what the files do not declare from the cloud (with profile/sandbox/endpoint)
   */
  public record Options(ScanSource.Options scan, PolicyOptions policy, Path facts, boolean live, String profile,
                        String sandbox, String endpoint, String timeout) {}

  public ScanRunner(PrintWriter out, PrintWriter err) {
    this(out, err, PolicyEngineFactory.EMBEDDED);
  }

  /** With another policy engine (an OPA server, or a stub in tests). */
  public ScanRunner(PrintWriter out, PrintWriter err, PolicyEngineFactory engines) {
    super(PREFIX, out, err, engines);
  }

  @Override
  protected int runChecked(Options o) throws BadInputException, InterruptedException {
    try {
      return scan(o);
    } catch (ScanInputException e) {
      err.println(PREFIX + e.format());
      return ExitCodes.ERROR;
    }
  }

  private int scan(Options o) throws BadInputException, ScanInputException, InterruptedException {
    RunClock clock = RunClock.fromEnvironment();
    Duration timeout = o.timeout() == null ? PreflightRunner.DEFAULT_TIMEOUT : Durations.parse("--timeout", o.timeout());
    if (o.facts() != null && o.live()) throw new BadInputException("--facts and --live cannot be used together");
    if (!o.live() && (o.profile() != null || o.sandbox() != null || o.endpoint() != null)) {
      throw new BadInputException("--profile, --sandbox and --endpoint need --live");
    }
    if (o.scan().paths().isEmpty() && o.scan().trustPolicies().isEmpty() && o.scan().rolePolicies().isEmpty()
        && o.scan().bucketPolicies().isEmpty()) {
      throw new BadInputException("nothing to scan: give a plan, template, folder or --trust-policy/--role-policy/"
          + "--bucket-policy FILE");
    }
    FactsDocument saved = o.facts() == null ? null : savedFacts(o.facts());
    ReportOutput output = ReportOutput.of(o.policy());
    ScanSource source = ScanSource.open(o.scan());
    List<String> notes = new ArrayList<>();
    try (PolicyCompilation policies = PolicyCompilation.start(o.policy(), clock, engines, timeout);
         CloudSession session = o.live() ? CloudSession.begin(o.sandbox(), o.endpoint(), o.profile(), timeout) : null) {
      if (saved != null) {
        source.withOutside(request -> saved);
        notes.add("facts not declared in the files come from " + o.facts() + " where they are about the same"
            + " region, image, role or bucket");
      } else if (session != null) {
        source.withOutside(new LiveFacts(session.clients(), clock, timeout));
        notes.add("facts not declared in the files were gathered live (--live)");
      }
      ReportCollector collector = new ReportCollector(false);
      // Waivers and --baseline apply to a scan's targets as to preflight's.
      new TargetPipeline(policies.evaluation(), policies.steps()).run(source, collector);
      policies.warnings().forEach(w -> err.println(PREFIX + "warning: " + w));
      Report report = collector.report(ReportOutput.tool(), clock.startedAt(), clock.elapsedMillis())
          .withScope(source.scope(notes)).withPolicy(policies.digest());
      try {
        output.write(report, out, err);
      } catch (IOException e) {
        err.println(PREFIX + "cannot write the report: " + e.getMessage());
        return ExitCodes.ERROR;
      }
      return report.summary().verdict().exitCode();
    }
  }

  private static FactsDocument savedFacts(Path file) throws BadInputException {
    try {
      return FactsJson.load(PathFlags.named("--facts", file));
    } catch (FactsFormatException e) {
      throw new BadInputException("--facts " + e.getMessage());
    }
  }

  /**
   * Live facts for the requests the files declare, gathered once per distinct request. A request
   * whose region or image is not known from the files cannot be gathered: its live facts stay unknown.
   */
  private static final class LiveFacts implements FactsAssembler.Outside {
    private final CloudClients clients;
    private final RunClock clock;
    private final Duration timeout;
    private final Map<Request, FactsDocument> gathered = new HashMap<>();

    LiveFacts(CloudClients clients, RunClock clock, Duration timeout) {
      this.clients = clients;
      this.clock = clock;
      this.timeout = timeout;
    }

    @Override
    public synchronized FactsDocument forRequest(Request request) {
      if (request.regionId() == null || request.imageId() == null || request.ossBucket() == null) return null;
      return gathered.computeIfAbsent(request, r -> new LiveImageSource(clients, r, clock.now(), timeout).gather().document());
    }
  }
}
