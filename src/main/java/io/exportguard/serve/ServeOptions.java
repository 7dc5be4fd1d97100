package io.exportguard.serve;

import java.time.Duration;
import java.util.List;

/**
 * How the server runs.
 *
 * @param host the address to bind (loopback by default)
 * @param port the port; 0 for any free one
 * @param tokens accepted bearer tokens; empty means no authentication
 * @param maxBodyBytes the largest request body accepted (413 above it)
 * @param evalTimeout the bound on one evaluation (a longer one fails with {@code eval_cancel_error})
 * @param shutdownGrace how long a stop waits for requests in flight
 * @param defaultDecision the path {@code POST /} evaluates, OPA's {@code system/main} by default
 * @param threads request threads
 * @param v0Compatible modules from {@code --policies} and the Policy API are Rego v0 (OPA's {@code --v0-compatible})
 */
public record ServeOptions(String host, int port, List<String> tokens, long maxBodyBytes, Duration evalTimeout,
                           Duration shutdownGrace, String defaultDecision, int threads, boolean v0Compatible) {
  public static final long DEFAULT_MAX_BODY = 16L << 20;

  public ServeOptions {
    tokens = List.copyOf(tokens);
  }

  /** Loopback on a free port, no authentication, the default limits (for tests and embedding). */
  public static ServeOptions loopback() {
    return new ServeOptions("127.0.0.1", 0, List.of(), DEFAULT_MAX_BODY, Duration.ofSeconds(30),
        Duration.ofSeconds(5), "system/main", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), false);
  }

  public ServeOptions withTokens(List<String> t) {
    return new ServeOptions(host, port, t, maxBodyBytes, evalTimeout, shutdownGrace, defaultDecision, threads, v0Compatible);
  }

  public ServeOptions withShutdownGrace(Duration grace) {
    return new ServeOptions(host, port, tokens, maxBodyBytes, evalTimeout, grace, defaultDecision, threads, v0Compatible);
  }

  public ServeOptions withLimits(long maxBody, Duration timeout) {
    return new ServeOptions(host, port, tokens, maxBody, timeout, shutdownGrace, defaultDecision, threads, v0Compatible);
  }
}
