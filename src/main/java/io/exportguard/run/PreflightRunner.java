package io.exportguard.run;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.CallerIdentity;
import io.exportguard.cloud.CliProfile;
import io.exportguard.cloud.CredentialChain;
import io.exportguard.cloud.LibraryCredentials;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.CloudConfig;
import io.exportguard.cloud.DeferredCredentials;
import io.exportguard.cloud.Endpoints;
import io.exportguard.cloud.FactGatherer;
import io.exportguard.export.ExportRefusedException;
import io.exportguard.export.ExportRunner;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.facts.Request;
import io.exportguard.report.Report;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import io.exportguard.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code exportguard preflight}: gathers the facts, evaluates the policies, decides, writes the
 * reports, and with {@code --export} runs the export the verdict allowed.
 */
public final class PreflightRunner {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(60);
  static final int GATHER_THREADS = 16;

  /** Everything preflight takes besides the shared policy options. */
  public record Options(Request request, PolicyOptions policy, String profile, String sandbox, String endpoint,
                        String timeout, Path saveFacts, boolean export, boolean await) {}

  private final PrintWriter out;
  private final PrintWriter err;
  /** {@code -Dexportguard.trace=true} prints each phase's elapsed time to stderr (for start-up work). */
  private static final boolean TRACE = Boolean.getBoolean("exportguard.trace");
  private void trace(String phase) {
    if (TRACE) err.printf("trace %6d ms %s%n", (System.nanoTime() - Prestart.mainStartedNanos) / 1_000_000, phase);
  }

  private final PolicyEngineFactory engines;

  public PreflightRunner(PrintWriter out, PrintWriter err) {
    this(out, err, PolicyEngineFactory.EMBEDDED);
  }

  /** With another policy engine (an OPA server, or a stub in tests). */
  public PreflightRunner(PrintWriter out, PrintWriter err, PolicyEngineFactory engines) {
    this.out = out;
    this.err = err;
    this.engines = engines;
  }

  public int run(Options o) {
    try {
      return runChecked(o);
    } catch (BadInputException e) {
      err.println("exportguard preflight: " + e.getMessage());
      return 2;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int runChecked(Options o) throws BadInputException {
    trace("command line parsed");
    RunClock clock = RunClock.fromEnvironment();
    if (o.sandbox() != null && o.endpoint() != null) {
      throw new BadInputException("--sandbox and --endpoint cannot be used together");
    }
    if (o.sandbox() != null && o.profile() != null) {
      throw new BadInputException("--profile cannot be used with --sandbox (the sandbox signs with its own key)");
    }
    if (o.await() && !o.export()) throw new BadInputException("--wait needs --export");
    Duration timeout = o.timeout() == null ? DEFAULT_TIMEOUT : Durations.parse("--timeout", o.timeout());
    Duration wait = o.timeout() == null ? DEFAULT_WAIT : timeout;
    if (o.saveFacts() != null && Files.isDirectory(o.saveFacts())) {
      throw new BadInputException("--save-facts " + o.saveFacts() + ": is a directory");
    }
    String endpointUrl = o.endpoint() != null || o.sandbox() != null ? o.endpoint() : environmentEndpoint();
    Endpoints endpoints = endpointUrl == null ? Endpoints.alibabaCloud()
        : endpoint(o.endpoint() != null ? "--endpoint" : "EXPORTGUARD_ENDPOINT", endpointUrl);
    trace("start");
    boolean emulatorOnly = o.sandbox() != null || endpoints.plainHttpOnly(); // the sandbox: plain HTTP on loopback
    Prestart prestarted = Prestart.take();
    Prestart prestartedSandbox = prestarted != null && prestarted.sandbox != null ? prestarted : null;
    if (prestarted != null && prestarted.emulatorOnly != emulatorOnly) {
      CloudClients.discard(prestarted.coreClient);
      prestarted = null;
    }
    DeferredCredentials credentials = prestarted != null ? prestarted.credentials : new DeferredCredentials();
    CompletableFuture<IAcsClient> core = prestarted != null ? prestarted.coreClient
        : CloudClients.startCoreClient(credentials, emulatorOnly);
    boolean coreUsed = false;
    CredentialChain chain = null;
    // The sandbox starts beside the policy loading; a policy problem is still reported first.
    CompletableFuture<Sandbox> sandboxStarting = null;
    if (prestartedSandbox != null && prestartedSandbox.sandboxScenario.equals(o.sandbox())) {
      sandboxStarting = prestartedSandbox.sandbox;
    } else {
      if (prestartedSandbox != null) prestartedSandbox.sandbox.thenAccept(Sandbox::close);
      if (o.sandbox() != null) sandboxStarting = startSandbox(o.sandbox());
    }
    try (Evaluation evaluation = prepare(o.policy(), clock, sandboxStarting);
         Sandbox sandbox = sandboxStarting == null ? null : started(sandboxStarting, o.sandbox())) {
      trace("sandbox started");
      if (sandbox != null) {
        endpoints = Endpoints.emulator(sandbox.endpoint().toString());
        credentials.resolve(sandboxCredentials(sandbox));
      } else {
        chain = credentials(o.profile(), endpoints);
        credentials.resolve(new LibraryCredentials(chain));
      }
      coreUsed = true;
      try (CloudClients clients = new CloudClients(CloudConfig.of(endpoints, credentials), core)) {
        identify(clients, chain == null ? "the sandbox scenario's first key" : chain.source(), endpoints);
        return decide(o, clock, evaluation, clients, timeout, wait);
      } finally {
        trace("clients closed");
      }
    } finally {
      if (!coreUsed) CloudClients.discard(core);
      trace("sandbox closed");
    }
  }

  private int decide(Options o, RunClock clock, Evaluation evaluation, CloudClients clients, Duration timeout,
                     Duration wait) throws BadInputException {
    Facts facts = gather(clients, o.request(), clock, timeout);
    trace("facts gathered");
    FactsDocument doc = FactsDocument.of(facts);
    if (o.saveFacts() != null) {
      try {
        FactsJson.save(doc, o.saveFacts());
      } catch (IOException e) {
        throw new BadInputException("--save-facts " + o.saveFacts() + ": cannot write (" + e.getMessage() + ")");
      }
    }
    evaluation.ready();
    trace("policies compiled");
    Report report = evaluation.evaluate(doc, null);
    trace("policies evaluated");
    int code = report.summary().verdict().exitCode();
    if (o.export()) {
      boolean anyError = report.checks().stream().anyMatch(c -> c.status() == Status.ERROR);
      if (report.summary().verdict() != Verdict.PASS || anyError) {
        err.println("exportguard preflight: verdict is " + report.summary().verdict().id() + "; not exporting");
      } else {
        ExportResult r = export(o, clients, doc, evaluation, wait);
        report = evaluation.withExport(report, r.record());
        code = r.exitCode();
      }
    }
    try {
      evaluation.write(report, out);
      trace("reports written");
    } catch (IOException e) {
      err.println("exportguard preflight: cannot write the report: " + e.getMessage());
      return 2;
    }
    return code;
  }

  /** Gathers with a pool of daemon threads, so a hung call can never keep the process alive. */
  static Facts gather(CloudClients clients, Request request, RunClock clock, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(GATHER_THREADS, r -> {
      Thread t = new Thread(r, "exportguard-gather-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      return new FactGatherer(clients, pool).gather(request, clock.now(), timeout);
    } finally {
      pool.shutdownNow();
    }
  }

  private record ExportResult(Report.ExportRecord record, int exitCode) {}

  private ExportResult export(Options o, CloudClients clients, FactsDocument doc, Evaluation evaluation,
                              Duration wait) {
    Request r = o.request();
    String factsSha = FactsJson.sha256(doc);
    String policiesSha = evaluation.policiesSha256();
    ExportRunner runner = new ExportRunner(clients, err);
    String taskId;
    try {
      taskId = runner.start(r);
    } catch (ExportRefusedException e) {
      err.println("exportguard preflight: " + e.getMessage());
      return new ExportResult(new Report.ExportRecord(null, "Refused", List.of(), factsSha, policiesSha), 1);
    } catch (ApiException e) {
      err.println("exportguard preflight: ExportImage failed: " + e.code() + ": " + e.getMessage());
      return new ExportResult(new Report.ExportRecord(null, "Failed: " + e.code(), List.of(), factsSha, policiesSha), 2);
    }
    out.println("export started: task " + taskId);
    out.flush();
    if (!o.await()) {
      err.println(ExportRunner.howToFollow(r.regionId(), taskId));
      return new ExportResult(new Report.ExportRecord(taskId, "Started", List.of(), factsSha, policiesSha), 0);
    }
    Thread hook = new Thread(() -> {
      err.println();
      err.println("interrupted: " + ExportRunner.howToFollow(r.regionId(), taskId));
      err.flush();
    }, "exportguard-export-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ExportRunner.Outcome outcome = runner.follow(r, taskId, wait);
      if (!outcome.succeeded()) err.println("exportguard preflight: " + outcome.problem());
      return new ExportResult(new Report.ExportRecord(taskId, outcome.status(), outcome.objects(), factsSha, policiesSha),
          outcome.succeeded() ? 0 : 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(ExportRunner.howToFollow(r.regionId(), taskId));
      return new ExportResult(new Report.ExportRecord(taskId, "Interrupted", List.of(), factsSha, policiesSha), 2);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it tells the user how to follow the task
      }
    }
  }

  private static Endpoints endpoint(String from, String url) throws BadInputException {
    try {
      return Endpoints.emulator(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(from + " " + e.getMessage());
    }
  }

  /** Starts the emulator on its own daemon thread. */
  static CompletableFuture<Sandbox> startSandbox(String scenario) {
    CompletableFuture<Sandbox> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(Sandbox.start(scenario, 0));
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "exportguard-sandbox-start");
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** Prepares the evaluation; when that fails, a sandbox being started is closed once it is up. */
  private Evaluation prepare(PolicyOptions policy, RunClock clock, CompletableFuture<Sandbox> sandboxStarting)
      throws BadInputException {
    try {
      Evaluation e = Evaluation.prepare(policy, clock, engines);
      trace("policies loaded (compiling meanwhile)");
      return e;
    } catch (BadInputException | RuntimeException e) {
      if (sandboxStarting != null) sandboxStarting.thenAccept(Sandbox::close);
      throw e;
    }
  }

  private static Sandbox started(CompletableFuture<Sandbox> starting, String scenario) throws BadInputException {
    try {
      return starting.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof UnsupportedOperationException) {
        throw new BadInputException("--sandbox: the sandbox is not available in this build");
      }
      if (c instanceof RuntimeException) throw new BadInputException("--sandbox " + scenario + ": " + c.getMessage());
      throw e;
    }
  }

  private static AlibabaCloudCredentialsProvider sandboxCredentials(Sandbox s) {
    if (s.securityToken() != null && !s.securityToken().isEmpty()) {
      return new StaticCredentialsProvider(new BasicSessionCredentials(s.accessKeyId(), s.accessKeySecret(),
          s.securityToken()));
    }
    return new StaticCredentialsProvider(new BasicCredentials(s.accessKeyId(), s.accessKeySecret()));
  }

  /**
   * The credential chain (see {@link CredentialChain}: {@code --profile}, or the documented order
   * of sources), asked once up front so a missing credential is one clear line.
   */
  private static CredentialChain credentials(String profile, Endpoints endpoints) throws BadInputException {
    CredentialChain chain;
    try {
      chain = CredentialChain.of(profile, System.getenv(), CliProfile.defaultFile(), endpoints.stsForCredentials());
    } catch (IllegalArgumentException e) {
      throw new BadInputException((profile != null ? "--profile " + profile + ": " : "") + e.getMessage());
    }
    try {
      chain.getCredentials();
    } catch (RuntimeException e) {
      throw new BadInputException("no Alibaba Cloud credentials: " + LibraryCredentials.scrub(e.getMessage())
          + " (set ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, use --profile, or try --sandbox demo-pass)");
    }
    return chain;
  }

  /**
   * Asks STS who the credentials belong to and prints it (never a key or secret). Credentials the
   * service rejects end the run here with one error; any other failure of the call also does,
   * since every later call would fail the same way.
   */
  private void identify(CloudClients clients, String source, Endpoints endpoints) throws BadInputException {
    CallerIdentity id;
    try {
      id = CallerIdentity.ask(clients);
    } catch (ApiException e) {
      String what = CallerIdentity.credentialsRejected(e) ? "the credentials were rejected" : "cannot check the credentials";
      throw new BadInputException(what + " (from " + source + ", at " + endpoints + "): STS GetCallerIdentity: "
          + e.code() + ": " + LibraryCredentials.scrub(firstLine(e.getMessage())));
    }
    err.println("identity: " + id.describe() + " (credentials from " + source + ", calls to " + endpoints + ")");
  }

  private static String environmentEndpoint() {
    String v = System.getenv("EXPORTGUARD_ENDPOINT");
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
