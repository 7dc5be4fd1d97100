package io.exportguard.sandbox.faults;

import io.exportguard.sandbox.scenario.Scenario.Fault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Applies the scenario's {@code faults} to each API call, in scenario order: every matching
 * latency fault sleeps (latency plus seeded jitter), a matching {@code hang} blocks until the
 * sandbox closes, a {@code ratePerSecond} fault answers {@code Throttling.User} to calls beyond its
 * rate (one budget for all the calls it matches, or one per API with {@code perApi}), and the first matching error fault that fires answers its error. Random draws come from one
 * generator per fault seeded with its {@code seed}, so a run is repeatable.
 */
public final class FaultInjector {
  /** An error to answer instead of calling the API. */
  public record Injected(int status, String code, String message) {}

  private final List<Rule> rules = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  public FaultInjector(List<Fault> faults) {
    for (Fault f : faults) {
      rules.add(new Rule(f));
    }
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Releases every hanging call. */
  public void close() {
    closed.countDown();
  }

  /**
   * Runs the faults for one call of {@code api} (e.g. {@code ecs:DescribeImages}); returns the
   * error to answer, or null to go on. {@code oss} picks the HTTP status conventions.
   */
  public Injected apply(String api, boolean oss) {
    Injected result = null;
    for (Rule rule : rules) {
      if (!rule.matches(api)) {
        continue;
      }
      long delay = rule.delayMillis();
      if (delay > 0) {
        sleep(delay);
      }
      if (rule.fault.hang()) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new Injected(503, "ServiceUnavailable", "The sandbox is shutting down.");
      }
      if (result == null && rule.fault.ratePerSecond() != null && !rule.admit(api)) {
        result = new Injected(oss ? 503 : 400, "Throttling.User", "Request was denied due to user flow control.");
      }
      if (result == null && rule.fault.error() != null && rule.fires()) {
        Fault f = rule.fault;
        int status = f.httpStatus() != null ? f.httpStatus() : defaultStatus(f.error(), oss);
        result = new Injected(status, f.error(), f.message() != null ? f.message() : "Injected fault: " + f.error() + ".");
      }
    }
    return result;
  }

  private void sleep(long millis) {
    try {
      closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int defaultStatus(String code, boolean oss) {
    if (code.startsWith("ServiceUnavailable") || code.equals("SlowDown")) {
      return 503;
    }
    if (code.startsWith("InternalError")) {
      return 500;
    }
    if (code.startsWith("Throttling")) {
      return oss ? 503 : 400;
    }
    if (code.startsWith("Forbidden") || code.equals("AccessDenied")) {
      return 403;
    }
    if (code.contains("NotFound") || code.startsWith("NoSuch") || code.startsWith("EntityNotExist")) {
      return 404;
    }
    return 400;
  }

  /** A token bucket holding at most one second of calls, full at first. */
  private static final class TokenBucket {
    final double rate;
    double tokens;
    long lastRefillNanos = System.nanoTime();

    TokenBucket(double rate) {
      this.rate = rate;
      this.tokens = Math.max(1, rate);
    }

    boolean admit() {
      long now = System.nanoTime();
      tokens = Math.min(Math.max(1, rate), tokens + (now - lastRefillNanos) / 1e9 * rate);
      lastRefillNanos = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  private static final class Rule {
    final Fault fault;
    final Random random;
    int calls;
    final Map<String, TokenBucket> buckets = new HashMap<>();

    Rule(Fault fault) {
      this.fault = fault;
      this.random = new Random(fault.seed());
    }

    boolean matches(String api) {
      return fault.api().equals("*") || fault.api().equals(api);
    }

    synchronized long delayMillis() {
      long jitter = fault.jitterMs() > 0 ? (long) (random.nextDouble() * (fault.jitterMs() + 1)) : 0;
      return fault.latencyMs() + jitter;
    }

    /** Takes a token from the rule's bucket, or the API's own with {@code perApi}. */
    synchronized boolean admit(String api) {
      return buckets.computeIfAbsent(fault.perApi() ? api : "*", a -> new TokenBucket(fault.ratePerSecond())).admit();
    }

    synchronized boolean fires() {
      calls++;
      if (fault.times() != null) {
        return calls <= fault.times();
      }
      if (fault.probability() != null) {
        return random.nextDouble() < fault.probability();
      }
      return true;
    }
  }
}
