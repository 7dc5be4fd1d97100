package io.exportguard.run;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.CallerIdentity;
import io.exportguard.cloud.AssumedRole;
import io.exportguard.cloud.CallGate;
import io.exportguard.cloud.CliProfile;
import io.exportguard.cloud.CredentialChain;
import io.exportguard.cloud.LibraryCredentials;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.CloudConfig;
import io.exportguard.cloud.DeferredCredentials;
import io.exportguard.cloud.Endpoints;
import io.exportguard.cloud.RetryPolicy;
import io.exportguard.sandbox.Sandbox;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cloud end of a run: where requests go (Alibaba Cloud, an emulator at {@code --endpoint}, or
 * the in-process sandbox), whose credentials sign them, and the SDK clients built from that. It
 * takes over the start-up work {@link Prestart} began when it matches the flags, and starts the
 * rest at once (the core SDK client, the sandbox) so it overlaps with policy loading; nothing is
 * read or sent until {@link #clients()}.
 */
final class CloudSession implements AutoCloseable {
  private final String sandboxScenario;
  private final String profile;
  private final Duration callTimeout;
  private Endpoints endpoints;
  private final DeferredCredentials credentials;
  private final CompletableFuture<IAcsClient> core;
  private final CompletableFuture<Sandbox> sandboxStarting;
  private Sandbox sandbox;
  private CloudClients clients;
  /** The credential check: done after {@link #clients()}, maybe running after {@link #clientsCheckingIdentity}. */
  private CompletableFuture<CallerIdentity> identity;
  private String identitySource;
  private CloudClients audit;
  /** Whether the audit's clients have a core client of their own (to shut down) rather than the run's. */
  private boolean ownAuditCore;

  private CloudSession(String sandboxScenario, String profile, Duration callTimeout, Endpoints endpoints,
                       DeferredCredentials credentials, CompletableFuture<IAcsClient> core,
                       CompletableFuture<Sandbox> sandboxStarting) {
    this.sandboxScenario = sandboxScenario;
    this.profile = profile;
    this.callTimeout = callTimeout;
    this.endpoints = endpoints;
    this.credentials = credentials;
    this.core = core;
    this.sandboxStarting = sandboxStarting;
  }

  /**
   * Checks the connection flags and starts the client (and sandbox). No call outlasts
   * {@code callTimeout}, the run's own bound.
   */
  static CloudSession begin(String sandbox, String endpoint, String profile, Duration callTimeout)
      throws BadInputException {
    if (sandbox != null && endpoint != null) throw new BadInputException("--sandbox and --endpoint cannot be used together");
    if (sandbox != null && profile != null) {
      throw new BadInputException("--profile cannot be used with --sandbox (the sandbox signs with its own key)");
    }
    if (sandbox != null && sandbox.isBlank()) throw new BadInputException("--sandbox: the scenario is empty");
    if (profile != null && profile.isBlank()) throw new BadInputException("--profile: the name is empty");
    // exportguard sandbox's environment file names the emulator; a flag still wins over it.
    String fromEnv = sandbox == null && endpoint == null ? environmentEndpoint() : null;
    Endpoints endpoints = endpoint != null ? emulator("--endpoint", endpoint)
        : fromEnv != null ? emulator("EXPORTGUARD_ENDPOINT", fromEnv) : Endpoints.alibabaCloud();
    boolean emulatorOnly = sandbox != null || endpoints.plainHttpOnly(); // the sandbox: plain HTTP on loopback
    Prestart prestarted = Prestart.take();
    CompletableFuture<Sandbox> sandboxStarting = null;
    if (prestarted != null && prestarted.sandbox != null) {
      if (prestarted.sandboxScenario.equals(sandbox)) sandboxStarting = prestarted.sandbox;
      else prestarted.sandbox.thenAccept(Sandbox::close);
    }
    if (sandboxStarting == null && sandbox != null) sandboxStarting = Prestart.startSandbox(sandbox);
    if (prestarted != null && prestarted.emulatorOnly != emulatorOnly) {
      CloudClients.discard(prestarted.coreClient);
      prestarted = null;
    }
    DeferredCredentials credentials = prestarted != null ? prestarted.credentials : new DeferredCredentials();
    CompletableFuture<IAcsClient> core = prestarted != null ? prestarted.coreClient
        : CloudClients.startCoreClient(credentials, emulatorOnly);
    return new CloudSession(sandbox, profile, callTimeout, endpoints, credentials, core, sandboxStarting);
  }

  /**
   * Waits for the sandbox, resolves the credentials (one clear line when there are none), builds
   * the clients and checks the credentials once with STS GetCallerIdentity: a key the service
   * rejects is one clear error here, not an error on every check.
   */
  CloudClients clients() throws BadInputException {
    if (clients != null) return clients;
    clients = build();
    try {
      identity = CompletableFuture.completedFuture(CallerIdentity.ask(clients));
    } catch (ApiException e) {
      throw identityFailure(e);
    }
    return clients;
  }

  /**
   * As {@link #clients()}, but the credentials are checked on a daemon thread while the caller
   * goes on (preflight gathers meanwhile, so the first signed call's round trip and start-up work
   * overlap the gathering instead of preceding it). Nothing that was gathered may be used before
   * {@link #confirmIdentity()} has returned.
   */
  CloudClients clientsCheckingIdentity() throws BadInputException {
    if (clients != null) return clients;
    CloudClients built = build();
    clients = built;
    identity = Daemons.start("exportguard-caller-identity", () -> CallerIdentity.ask(built));
    return clients;
  }

  /**
   * Waits for the credential check {@link #clientsCheckingIdentity()} started; a failure is the
   * same bad input {@link #clients()} reports.
   */
  void confirmIdentity() throws BadInputException {
    try {
      identity.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ApiException api) throw identityFailure(api);
      throw e;
    }
  }

  private CloudClients build() throws BadInputException {
    String source;
    if (sandboxStarting != null) {
      sandbox = started(sandboxStarting, sandboxScenario);
      endpoints = Endpoints.emulator(sandbox.endpoint().toString());
      credentials.resolve(sandboxCredentials(sandbox));
      source = "the sandbox scenario's first key";
    } else {
      CredentialChain chain = credentials(profile, endpoints);
      credentials.resolve(new LibraryCredentials(chain));
      source = chain.source();
    }
    identitySource = source;
    // No single call may outlast the run: a hanging ExportImage is then looked up within --timeout.
    CloudConfig config = CloudConfig.of(endpoints, credentials);
    if (callTimeout.compareTo(config.readTimeout()) < 0) config = config.withReadTimeout(callTimeout);
    return new CloudClients(config, core);
  }

  private BadInputException identityFailure(ApiException e) {
    String what = CallerIdentity.credentialsRejected(e) ? "the credentials were rejected" : "cannot check the credentials";
    return new BadInputException(what + " (from " + identitySource + ", at " + endpoints + "): STS GetCallerIdentity: "
        + e.code() + ": " + LibraryCredentials.scrub(firstLine(e.getMessage())));
  }

  /**
   * Whose credentials the run uses and where its calls go (never a key or secret); after
   * {@link #clients()} or {@link #confirmIdentity()}.
   */
  String identityLine() {
    return identity.join().describe() + " (credentials from " + identitySource + ", calls to " + endpoints + ")";
  }

  /**
   * The clients an account audit calls through: every attempt passes {@code gate} (each API at its
   * pace), with more patient retries than preflight's (an audit of thousands of calls meets
   * throttling as a matter of course), and, with {@code roleArn}, as that role (STS AssumeRole signed
   * with the run's own credentials; a refusal is bad input, said once).
   */
  CloudClients auditClients(CallGate gate, String roleArn, RetryPolicy retry) throws BadInputException {
    CloudClients base = clients();
    AlibabaCloudCredentialsProvider credentials = base.config().credentials();
    // The run's own core client serves the audit when it signs with the same credentials; a role's
    // client is built while STS is asked for the role's credentials.
    CompletableFuture<IAcsClient> auditCore = core;
    if (roleArn != null) {
      AssumedRole role;
      try {
        role = new AssumedRole(base, roleArn, "exportguard-audit");
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--assume-role " + e.getMessage());
      }
      auditCore = CloudClients.startCoreClient(role, endpoints.plainHttpOnly());
      try {
        role.getCredentials();
      } catch (Exception e) {
        CloudClients.discard(auditCore);
        throw new BadInputException("--assume-role " + roleArn + ": " + firstLine(e.getMessage()));
      }
      credentials = role;
    }
    CloudConfig config = new CloudConfig(endpoints, credentials, base.config().connectTimeout(),
        base.config().readTimeout(), retry);
    audit = new CloudClients(config, auditCore, gate);
    ownAuditCore = auditCore != core;
    return audit;
  }

  @Override
  public void close() {
    if (audit != null && ownAuditCore) audit.close();
    else if (audit != null) audit.closeOss();
    if (clients != null) clients.close();
    else CloudClients.discard(core);
    if (sandbox != null) sandbox.close();
    else if (sandboxStarting != null) sandboxStarting.thenAccept(Sandbox::close);
  }

  private static Endpoints emulator(String from, String url) throws BadInputException {
    try {
      return Endpoints.emulator(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(from + " " + e.getMessage());
    }
  }

  private static String environmentEndpoint() {
    String v = System.getenv("EXPORTGUARD_ENDPOINT");
    return v == null || v.isBlank() ? null : v.trim();
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
   * The credential chain ({@code --profile}, or the documented order of sources; see
   * {@link CredentialChain}), asked once up front so a missing credential is one clear line.
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

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
