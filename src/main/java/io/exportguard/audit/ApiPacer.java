package io.exportguard.audit;

import io.exportguard.cloud.CallGate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces every API of an audit at its own rate: each attempt of a call waits for its slot, so an API
 * never goes faster than its limit (after a first burst of half a second's calls, one call every
 * {@code 1/rate} seconds; see {@link Pace}), and APIs do not wait for one another. When the service throttles an API anyway, its rate halves (down to
 * {@value #MIN_RATE} a second, the probing rate ECS recommends) and then climbs back a step with
 * each call that goes through. It also counts every attempt and every throttled one, per API.
 */
public final class ApiPacer implements CallGate {
  /** The slowest an API is paced at after repeated throttling. */
  static final double MIN_RATE = 1.0;
  /** Successful calls it takes to climb from half the rate back to all of it. */
  static final int RECOVERY_CALLS = 20;

  private final ApiRates rates;
  private final Map<String, Pace> paces = new ConcurrentHashMap<>();

  public ApiPacer(ApiRates rates) {
    this.rates = rates;
  }

  @Override
  public void enter(String api) throws InterruptedException {
    pace(api).await();
  }

  @Override
  public void exit(String api, boolean throttled) {
    Pace p = pace(api);
    p.calls.incrementAndGet();
    if (throttled) {
      p.throttled.incrementAndGet();
      p.slowDown();
    } else {
      p.recover();
    }
  }

  private Pace pace(String api) {
    return paces.computeIfAbsent(api, a -> new Pace(rates.rate(a)));
  }

  /** Attempts made so far, per API, in API order. */
  public Map<String, Long> calls() {
    Map<String, Long> out = new TreeMap<>();
    paces.forEach((api, p) -> out.put(api, p.calls.get()));
    return out;
  }

  /** Attempts the service throttled, per API (only APIs that were throttled). */
  public Map<String, Long> throttled() {
    Map<String, Long> out = new TreeMap<>();
    paces.forEach((api, p) -> {
      if (p.throttled.get() > 0) out.put(api, p.throttled.get());
    });
    return out;
  }

  /**
   * When each API's first and last call went out ({@code api first..last} in ms of {@link System#nanoTime()}
   * since {@code originNanos}), for tracing where an audit's time goes.
   */
  public String timeline(long originNanos) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(paces).forEach((api, p) -> sb.append(String.format("%s %d..%d ms (%d calls)%n", api,
        (p.firstCall - originNanos) / 1_000_000, (p.lastCall - originNanos) / 1_000_000, p.calls.get())));
    return sb.toString();
  }

  public long totalCalls() { return paces.values().stream().mapToLong(p -> p.calls.get()).sum(); }

  public long totalThrottled() { return paces.values().stream().mapToLong(p -> p.throttled.get()).sum(); }

  /**
   * One API's pace, a token bucket: the first {@link #burst} calls go out at once, then one every
   * {@code 1/rate} seconds (calls that wait take slots in order). The service's own metering is not
   * documented; the sandbox's is a bucket of one second's calls, and half of that leaves the other
   * half for calls that arrive closer together than they were sent. Once the service throttles an
   * API, its bursts end for the run and its rate halves.
   */
  private static final class Pace {
    final double limit;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    double rate;
    /** Calls that may go out at once while the bucket is full. */
    int burst;
    /** The theoretical time of the next call at the rate; a call may go up to {@code burst - 1} slots before it. */
    long nextSlot = System.nanoTime();
    boolean called;
    long firstCall;
    long lastCall;

    Pace(double limit) {
      this.limit = limit;
      this.rate = limit;
      this.burst = Math.max(1, (int) Math.floor(limit / 2));
    }

    /** Waits for this call's slot. */
    void await() throws InterruptedException {
      long wait;
      synchronized (this) {
        long now = System.nanoTime();
        long interval = (long) (1e9 / rate);
        long slot = Math.max(now, nextSlot - (burst - 1) * interval);
        nextSlot = Math.max(nextSlot, slot) + interval;
        wait = slot - now;
        if (!called) firstCall = slot;
        called = true;
        lastCall = slot;
      }
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
    }

    synchronized void slowDown() {
      burst = 1;
      rate = Math.max(Math.min(MIN_RATE, limit), rate / 2);
      // The service counts its window from now on: leave a full slot of the new rate before the next call.
      nextSlot = Math.max(nextSlot, System.nanoTime() + (long) (1e9 / rate));
    }

    synchronized void recover() {
      if (rate < limit) rate = Math.min(limit, rate + limit / (2.0 * RECOVERY_CALLS));
    }
  }

  /**
   * A line for people (and bench/audit.sh): {@code 1,234 calls (ecs:DescribeImages 100,
   * ram:ListUsers 4 (3 throttled), ...), 3 throttled}; an API's count includes its throttled attempts.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%,d calls (", totalCalls()));
    Map<String, Long> throttled = throttled();
    boolean first = true;
    for (Map.Entry<String, Long> e : calls().entrySet()) {
      if (!first) sb.append(", ");
      sb.append(e.getKey()).append(' ').append(e.getValue());
      if (throttled.containsKey(e.getKey())) sb.append(" (").append(throttled.get(e.getKey())).append(" throttled)");
      first = false;
    }
    sb.append(String.format("), %,d throttled", totalThrottled()));
    return sb.toString();
  }
}
