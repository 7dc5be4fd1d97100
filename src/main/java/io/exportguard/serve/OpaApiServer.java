package io.exportguard.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.RegoException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OPA's REST API on the JDK's HTTP server: Data API, Policy API, Query API, {@code POST /} (default decision)
 * and {@code GET /health}, with OPA's response and error shapes, bearer-token authentication,
 * a body size limit, an evaluation time limit, and a stop that lets requests in flight finish.
 * Extra routes (the preflight endpoint) plug in through {@link #route}.
 */
public final class OpaApiServer implements AutoCloseable {
  static {
    // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
    // each answer then waits for the client's delayed ACK (~40ms): 29 decisions/s instead of ~670
    // on loopback (bench/serve.sh). The JDK reads this once, when its first HttpServer starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** An extra endpoint. */
  @FunctionalInterface
  public interface Route {
    void handle(HttpExchange ex, byte[] body) throws IOException, ApiError;
  }

  /** An error an extra route answers with, in OPA's error shape. */
  public static final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiError(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() { return status; }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final ServeOptions options;
  private final PolicyStore store;
  private final DataApi data;
  private final PolicyApi policies;
  private final QueryApi query;
  private final java.util.Map<String, Route> routes = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<byte[]> tokens;
  /** Requests being answered, and whether a stop has begun (new requests then get a 503). */
  private final Object drain = new Object();
  private int inFlight;
  private boolean stopping;

  private OpaApiServer(HttpServer server, ExecutorService pool, ServeOptions options, PolicyStore store, String version) {
    this.server = server;
    this.pool = pool;
    this.options = options;
    this.store = store;
    EvalOptions eval = EvalOptions.DEFAULT.withTimeout(options.evalTimeout());
    this.data = new DataApi(store, eval, options.defaultDecision(), version, options.maxBodyBytes());
    this.policies = new PolicyApi(store, options.maxBodyBytes());
    this.query = new QueryApi(store, eval, options.maxBodyBytes());
    this.tokens = options.tokens().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Compiles the loaded policies and starts serving; compile errors are thrown before anything listens. */
  public static OpaApiServer start(LoadedPolicies loaded, ServeOptions options, String version)
      throws IOException, RegoException {
    PolicyStore store = options.v0Compatible()
        ? new PolicyStore(loaded.withRegoVersion(io.exportguard.rego.RegoVersion.V0), io.exportguard.rego.RegoVersion.V0)
        : new PolicyStore(loaded, null);
    HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "exportguard-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    OpaApiServer s = new OpaApiServer(server, pool, options, store, version);
    server.createContext("/", s::dispatch);
    server.setExecutor(pool);
    server.start();
    return s;
  }

  /** Requests being answered right now (for tests of the stop). */
  int inFlight() {
    synchronized (drain) {
      return inFlight;
    }
  }

  /** The policy set being served now (it changes with Policy and Data API writes). */
  public io.exportguard.rego.PolicySet policies() { return store.current().policies(); }

  /** Adds an endpoint (exact path, POST only), subject to the same authentication and limits. */
  public void route(String path, Route route) { routes.put(path, route); }

  public URI endpoint() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  /** The number of modules and bundles being served (for the start-up line). */
  public String describe() {
    PolicyStore.Snapshot s = store.current();
    StringBuilder sb = new StringBuilder(s.modules().size() + " policy modules");
    s.bundles().forEach(b -> sb.append(", bundle ").append(b.source()).append(" (revision ")
        .append(b.manifest().revision().isEmpty() ? "none" : b.manifest().revision()).append(')'));
    return sb.toString();
  }

  private void dispatch(HttpExchange ex) {
    boolean counted;
    synchronized (drain) {
      counted = !stopping;
      if (counted) inFlight++;
    }
    try (ex) {
      try {
        if (!counted) throw new ApiException(503, ApiException.INTERNAL, "server is shutting down");
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/health")) {
          // Liveness probes carry no token; the answer reveals nothing but that the server is up.
          if (!ex.getRequestMethod().equals("GET")) throw DataApi.methodNotAllowed();
          HttpIo.raw(ex, 200, "{}");
          return;
        }
        authenticate(ex);
        if (path.equals("/")) {
          data.defaultDecision(ex);
        } else if (path.equals(DataApi.PREFIX) || path.startsWith(DataApi.PREFIX + "/")) {
          data.handle(ex);
        } else if (path.equals(PolicyApi.PREFIX) || path.startsWith(PolicyApi.PREFIX + "/")) {
          policies.handle(ex);
        } else if (path.equals(QueryApi.PREFIX)) {
          query.handle(ex);
        } else if (routes.containsKey(path)) {
          if (!ex.getRequestMethod().equals("POST")) throw DataApi.methodNotAllowed();
          routes.get(path).handle(ex, HttpIo.body(ex, options.maxBodyBytes()));
        } else {
          throw ApiException.notFound("no such endpoint: " + path);
        }
      } catch (ApiException e) {
        HttpIo.json(ex, e.status(), e.body(), false);
      } catch (ApiError e) {
        HttpIo.json(ex, e.status(), new ApiException(e.status(), e.status() >= 500 ? ApiException.INTERNAL
            : ApiException.INVALID_PARAMETER, e.getMessage()).body(), false);
      } catch (RuntimeException e) {
        HttpIo.json(ex, 500, new ApiException(500, ApiException.INTERNAL, "internal error: " + e).body(), false);
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    } finally {
      if (counted) {
        synchronized (drain) {
          inFlight--;
          drain.notifyAll();
        }
      }
    }
  }

  private void authenticate(HttpExchange ex) throws ApiException {
    if (tokens.isEmpty()) return;
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      byte[] given = h.substring(7).strip().getBytes(StandardCharsets.UTF_8);
      for (byte[] t : tokens) {
        if (MessageDigest.isEqual(t, given)) return;
      }
    }
    throw new ApiException(401, ApiException.UNAUTHORIZED, "request rejected by administrative policy");
  }

  /**
   * Refuses new requests (503), waits up to the grace period for those in flight to be answered,
   * then closes the listener and every connection and stops the threads. (The JDK server's own
   * {@code stop(delay)} waits the whole delay on Java 17 even when nothing is in flight.)
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
    synchronized (drain) {
      stopping = true;
      try {
        while (inFlight > 0 && System.nanoTime() < deadline) {
          drain.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.stop(0);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(options.shutdownGrace().toMillis() + 100, TimeUnit.MILLISECONDS)) pool.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }
}
