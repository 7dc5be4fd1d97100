package io.exportguard.cloud;

import java.util.concurrent.Callable;
import java.util.function.LongUnaryOperator;

/** Runs one API call under a {@link RetryPolicy}; only retryable {@link ApiException}s are retried. */
public final class Retrier {
  /** Sleeps for the given milliseconds; replaced in tests. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final LongUnaryOperator jitter;
  private final CallGate gate;

  public Retrier(RetryPolicy policy) {
    this(policy, CallGate.OPEN);
  }

  /** Every attempt passes {@code gate} (an audit's per-API pacing). */
  public Retrier(RetryPolicy policy, CallGate gate) {
    this(policy, Thread::sleep, ceiling -> ceiling <= 0 ? 0
        : java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling + 1), gate);
  }

  /** @param jitter maps a ceiling to the actual wait, between 0 and the ceiling */
  public Retrier(RetryPolicy policy, Sleeper sleeper, LongUnaryOperator jitter) {
    this(policy, sleeper, jitter, CallGate.OPEN);
  }

  public Retrier(RetryPolicy policy, Sleeper sleeper, LongUnaryOperator jitter, CallGate gate) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.gate = gate;
  }

  public RetryPolicy policy() { return policy; }

  /** Calls until success, a non-retryable error, or the attempts are used up. */
  public <T> T call(String api, Callable<T> call) throws ApiException {
    return call(api, call, false);
  }

  /**
   * As {@link #call(String, Callable)}; with {@code onlyWhenRejected}, only errors that prove the
   * request did nothing (throttling) are retried: for a call that creates something, a timeout or a
   * server error may hide a success, and trying again could create it twice.
   */
  public <T> T call(String api, Callable<T> call, boolean onlyWhenRejected) throws ApiException {
    for (int attempt = 1; ; attempt++) {
      try {
        gate.enter(api);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new ApiException(api, "Interrupted", "interrupted while waiting for its turn", false);
      }
      ApiException ae;
      try {
        T result = call.call();
        gate.exit(api, false);
        return result;
      } catch (Exception e) {
        ae = ApiErrors.from(api, e);
        gate.exit(api, ApiErrors.throttling(ae.code()));
      }
      boolean again = ae.retryable() && (!onlyWhenRejected || ae.rejected());
      if (!again || attempt >= policy.maxAttempts()) throw ae;
      try {
        sleeper.sleep(jitter.applyAsLong(policy.ceilingMillis(attempt)));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new ApiException(api, "Interrupted", "interrupted while waiting to retry", false);
      }
    }
  }
}
