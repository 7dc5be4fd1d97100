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

  public Retrier(RetryPolicy policy) {
    this(policy, Thread::sleep, ceiling -> ceiling <= 0 ? 0
        : java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** @param jitter maps a ceiling to the actual wait, between 0 and the ceiling */
  public Retrier(RetryPolicy policy, Sleeper sleeper, LongUnaryOperator jitter) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.jitter = jitter;
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
        return call.call();
      } catch (Exception e) {
        ApiException ae = ApiErrors.from(api, e);
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
}
