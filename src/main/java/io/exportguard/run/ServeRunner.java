package io.exportguard.run;

import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyLoadException;
import io.exportguard.report.ExitCodes;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.rego.RegoException;
import io.exportguard.serve.OpaApiServer;
import io.exportguard.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code exportguard serve}: loads the policies and bundles, serves OPA's REST API until stopped
 * (SIGTERM or Ctrl-C stop it gracefully: no new requests, those in flight finish within the grace period).
 */
public final class ServeRunner {
  /**
   * Everything serve takes.
   *
   * @param addr {@code host:port}
   * @param tokenFile bearer tokens, one per line, when authentication is {@code token}
   * @param stopAfter for tests: stop by itself after this long
   */
  public record Options(String addr, List<Path> policies, boolean noDefaultPolicies, List<Path> bundles,
                        String verificationKey, String signingAlg, String authentication, Path tokenFile,
                        long maxRequestBytes, String evalTimeout, String shutdownGrace, boolean v0Compatible,
                        Duration stopAfter) {}

  private final PrintWriter out;
  private final PrintWriter err;

  public ServeRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public int run(Options o) {
    try {
      return serve(o);
    } catch (BadInputException e) {
      err.println("exportguard serve: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int serve(Options o) throws BadInputException, InterruptedException {
    ServeOptions options = options(o);
    LoadedPolicies loaded = load(o);
    OpaApiServer server;
    try {
      server = OpaApiServer.start(loaded, options, ReportOutput.tool().version());
    } catch (RegoException e) {
      throw new BadInputException(e.getMessage());
    } catch (BindException e) {
      throw new BadInputException("--addr " + o.addr() + ": cannot listen (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new BadInputException("--addr " + o.addr() + ": " + e.getMessage());
    }
    server.route(PreflightEndpoint.PATH, new PreflightEndpoint(server::policies, loaded, options.evalTimeout()));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "exportguard-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("exportguard serve: OPA REST API on " + server.endpoint() + " (" + server.describe()
        + (options.tokens().isEmpty() ? "" : ", bearer tokens required") + ")");
    out.flush();
    if (o.stopAfter() != null) {
      stopped.await(o.stopAfter().toMillis(), TimeUnit.MILLISECONDS);
      Runtime.getRuntime().removeShutdownHook(hook);
      server.close();
      out.println("exportguard serve: stopped");
      return ExitCodes.PASS;
    }
    stopped.await();
    return ExitCodes.PASS;
  }

  private static ServeOptions options(Options o) throws BadInputException {
    String addr = o.addr() == null ? "127.0.0.1:8181" : o.addr();
    int colon = addr.lastIndexOf(':');
    if (colon < 0) throw new BadInputException("--addr " + addr + ": expected HOST:PORT");
    String host = addr.substring(0, colon).replaceAll("^\\[|\\]$", "");
    int port;
    try {
      port = Integer.parseInt(addr.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new BadInputException("--addr " + addr + ": the port is not a number");
    }
    if (port < 0 || port > 65535) throw new BadInputException("--addr " + addr + ": port out of range");
    List<String> tokens = tokens(o);
    if (o.maxRequestBytes() <= 0) throw new BadInputException("--max-request-bytes must be positive");
    Duration timeout = o.evalTimeout() == null ? Duration.ofSeconds(30) : Durations.parse("--eval-timeout", o.evalTimeout());
    Duration grace = o.shutdownGrace() == null ? Duration.ofSeconds(10)
        : Durations.parse("--shutdown-grace-period", o.shutdownGrace());
    return new ServeOptions(host.isEmpty() ? "0.0.0.0" : host, port, tokens, o.maxRequestBytes(), timeout, grace,
        "system/main", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), o.v0Compatible());
  }

  private static List<String> tokens(Options o) throws BadInputException {
    String auth = o.authentication() == null ? "off" : o.authentication();
    if (auth.equals("off")) {
      if (o.tokenFile() != null) throw new BadInputException("--token-file needs --authentication token");
      return List.of();
    }
    if (!auth.equals("token")) throw new BadInputException("--authentication " + auth + ": expected off or token");
    if (o.tokenFile() == null) throw new BadInputException("--authentication token needs --token-file FILE");
    List<String> tokens;
    try {
      tokens = Files.readAllLines(o.tokenFile(), StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new BadInputException("--token-file " + o.tokenFile() + ": cannot read (" + e.getMessage() + ")");
    }
    if (tokens.isEmpty()) throw new BadInputException("--token-file " + o.tokenFile() + ": holds no token");
    return tokens;
  }

  private static LoadedPolicies load(Options o) throws BadInputException {
    for (Path p : o.policies()) PathFlags.named("--policies", p);
    for (Path p : o.bundles()) PathFlags.named("--bundle", p);
    try {
      return PolicyLoader.load(new PolicyLoader.Sources(o.policies(), !o.noDefaultPolicies(), List.of(), false,
          o.bundles(), PolicyCompilation.verificationKey(o.verificationKey(), o.signingAlg())));
    } catch (PolicyLoadException e) {
      throw new BadInputException(e.format());
    }
  }
}
