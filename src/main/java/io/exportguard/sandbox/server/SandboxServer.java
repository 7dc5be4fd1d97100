package io.exportguard.sandbox.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.exportguard.sandbox.SandboxException;
import io.exportguard.sandbox.faults.FaultInjector;
import io.exportguard.sandbox.http.Reply;
import io.exportguard.sandbox.oss.OssEndpoint;
import io.exportguard.sandbox.rpc.RpcEndpoint;
import io.exportguard.sandbox.rpc.StsApi;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.state.AccountState;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JDK HttpServer on 127.0.0.1 serving a scenario: RPC calls on {@code /} (an Action parameter,
 * a V3 {@code x-acs-action} header, or a form POST) go to the RPC gateway (ECS, RAM, STS),
 * everything else to OSS, path style or virtual-hosted. Requests run on a pool that grows with the number of
 * open connections, so a hanging fault never starves other calls.
 */
public final class SandboxServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY every small reply waits ~40 ms for the client's delayed ACK. The property
    // is read once, when the server classes load, so it has to be set before the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final FaultInjector faults;
  private final AccountState state;

  private SandboxServer(HttpServer server, ThreadPoolExecutor pool, FaultInjector faults, AccountState state) {
    this.server = server;
    this.pool = pool;
    this.faults = faults;
    this.state = state;
  }

  public static SandboxServer start(Scenario scenario, int port, Clock clock) {
    AccountState state = new AccountState(scenario, clock);
    FaultInjector faults = new FaultInjector(scenario.faults());
    RpcEndpoint rpc = new RpcEndpoint(state, faults);
    OssEndpoint oss = new OssEndpoint(state, faults);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    } catch (BindException e) {
      throw new SandboxException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
    } catch (IOException e) {
      throw new SandboxException("cannot start the sandbox server: " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 512, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "sandbox-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    loadReplyDateNames();
    server.createContext("/", exchange -> dispatch(exchange, rpc, oss));
    // No bucket name starts with a dot, so this path never shadows OSS.
    server.createContext(CredentialsUri.PATH, new CredentialsUri(new StsApi(state)));
    server.start();
    return new SandboxServer(server, pool, faults, state);
  }

  /**
   * The JDK's server stamps every reply with an RFC 1123 {@code Date} (day, month and zone names
   * from the locale data). A client's first calls arrive together, and each reply thread would load
   * those names for itself; formatting one such date here, while the emulator starts, loads them once.
   */
  private static void loadReplyDateNames() {
    DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT"))
        .format(Instant.now());
  }

  private static void dispatch(HttpExchange exchange, RpcEndpoint rpc, OssEndpoint oss) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      boolean root = "/".equals(path) || path == null || path.isEmpty();
      if (root && RpcEndpoint.isRpc(exchange)) {
        rpc.handle(exchange);
      } else {
        oss.handle(exchange);
      }
    } catch (IOException e) {
      exchange.close(); // the client went away; nothing to answer
    } catch (RuntimeException e) {
      // A bug in the sandbox: answer 500 with the reason rather than dropping the connection.
      try {
        Reply.send(exchange, 500, "text/plain;charset=utf-8",
            ("sandbox internal error: " + e).getBytes(StandardCharsets.UTF_8), Map.of());
      } catch (IOException ignored) {
        exchange.close();
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public AccountState state() {
    return state;
  }

  @Override
  public void close() {
    faults.close();
    server.stop(0);
    pool.shutdownNow();
  }
}
