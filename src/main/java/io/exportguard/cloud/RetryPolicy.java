package io.exportguard.cloud;

import java.time.Duration;

/**
 * How often and how patiently a retryable failure is tried again: capped exponential backoff
 * with full jitter (a random wait between 0 and min(cap, base * 2^attempt)).
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2));
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
  }

  /** The upper bound of the wait before retry number {@code retry} (1-based). */
  public long ceilingMillis(int retry) {
    long b = base.toMillis();
    long c = cap.toMillis();
    if (b <= 0) return 0;
    long exp = retry >= 30 ? Long.MAX_VALUE : b << Math.min(retry - 1, 30);
    return Math.min(c, exp < 0 ? c : exp);
  }
}
