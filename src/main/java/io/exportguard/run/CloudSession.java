package io.exportguard.run;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.cloud.AssumedRole;
import io.exportguard.cloud.CallGate;
import io.exportguard.cloud.CliProfile;
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
  private CloudClients audit;

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
    Endpoints endpoints = endpoint == null ? Endpoints.alibabaCloud() : emulator(endpoint);
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

  /** Waits for the sandbox, resolves the credentials (one clear line when there are none) and builds the clients. */
  CloudClients clients() throws BadInputException {
    if (clients != null) return clients;
    if (sandboxStarting != null) {
      sandbox = started(sandboxStarting, sandboxScenario);
      endpoints = Endpoints.emulator(sandbox.endpoint().toString());
      credentials.resolve(sandboxCredentials(sandbox));
    } else {
      credentials.resolve(credentials(profile));
    }
    // No single call may outlast the run: a hanging ExportImage is then looked up within --timeout.
    CloudConfig config = CloudConfig.of(endpoints, credentials);
    if (callTimeout.compareTo(config.readTimeout()) < 0) config = config.withReadTimeout(callTimeout);
    clients = new CloudClients(config, core);
    return clients;
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
    if (roleArn != null) {
      AssumedRole role;
      try {
        role = new AssumedRole(base, roleArn, "exportguard-audit");
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--assume-role " + e.getMessage());
      }
      try {
        role.getCredentials();
      } catch (Exception e) {
        throw new BadInputException("--assume-role " + roleArn + ": " + firstLine(e.getMessage()));
      }
      credentials = role;
    }
    CloudConfig config = new CloudConfig(endpoints, credentials, base.config().connectTimeout(),
        base.config().readTimeout(), retry);
    audit = new CloudClients(config, CloudClients.startCoreClient(config.credentials(), endpoints.plainHttpOnly()), gate);
    return audit;
  }

  @Override
  public void close() {
    if (audit != null) audit.close();
    if (clients != null) clients.close();
    else CloudClients.discard(core);
    if (sandbox != null) sandbox.close();
    else if (sandboxStarting != null) sandboxStarting.thenAccept(Sandbox::close);
  }

  private static Endpoints emulator(String url) throws BadInputException {
    try {
      return Endpoints.emulator(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--endpoint " + e.getMessage());
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
   * The core SDK's chain (environment, aliyun CLI config, credentials file, instance role, OIDC), or
   * the named aliyun CLI profile. Resolved once up front so a missing credential is one clear line.
   */
  private static AlibabaCloudCredentialsProvider credentials(String profile) throws BadInputException {
    AlibabaCloudCredentialsProvider p;
    if (profile != null) {
      try {
        p = CliProfile.load(CliProfile.defaultFile(), profile);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    } else {
      try {
        p = new DefaultCredentialsProvider();
      } catch (Exception e) {
        throw new BadInputException("no Alibaba Cloud credentials: " + e.getMessage());
      }
    }
    try {
      if (p.getCredentials() == null) throw new BadInputException("no Alibaba Cloud credentials found");
    } catch (BadInputException e) {
      throw e;
    } catch (Exception e) {
      // The chain says only that it failed to parse the aliyun CLI file; say where.
      String cliConfig = CliProfile.problem(CliProfile.defaultFile());
      throw new BadInputException("no Alibaba Cloud credentials: " + (cliConfig != null ? cliConfig
          : firstLine(e.getMessage()) + " (set ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, use --profile, or try --sandbox demo-pass)"));
    }
    return p;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
