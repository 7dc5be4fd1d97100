package io.exportguard.sandbox.signing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers RPC signature nonces so a replayed request is rejected with {@code SignatureNonceUsed}.
 * Two generations of at most {@code capacity} entries each: the current one takes new nonces, the
 * previous one is still consulted, and they rotate every {@code windowMillis} or when the current
 * one is full. So a nonce is remembered for a whole window at ordinary rates, and memory stays
 * bounded under a sustained load test (a replay is then caught for at least {@code capacity}
 * further requests).
 */
public final class NonceCache {
  private final long windowMillis;
  private final int capacity;
  private ConcurrentHashMap<String, Boolean> current = new ConcurrentHashMap<>();
  private ConcurrentHashMap<String, Boolean> previous = new ConcurrentHashMap<>();
  private long rotatedAt = Long.MIN_VALUE;

  public NonceCache(long windowMillis) {
    this(windowMillis, 250_000);
  }

  public NonceCache(long windowMillis, int capacity) {
    this.windowMillis = windowMillis;
    this.capacity = capacity;
  }

  /** True when the nonce is new (and records it); false when it was used recently. */
  public boolean firstUse(String accessKeyId, String nonce, long nowMillis) {
    String key = accessKeyId + '\n' + nonce;
    ConcurrentHashMap<String, Boolean> cur;
    ConcurrentHashMap<String, Boolean> prev;
    synchronized (this) {
      if (rotatedAt == Long.MIN_VALUE) {
        rotatedAt = nowMillis;
      }
      if (nowMillis - rotatedAt >= windowMillis || current.size() >= capacity) {
        // After two quiet windows nothing old is worth keeping.
        previous = nowMillis - rotatedAt >= 2 * windowMillis ? new ConcurrentHashMap<>() : current;
        current = new ConcurrentHashMap<>();
        rotatedAt = nowMillis;
      }
      cur = current;
      prev = previous;
    }
    if (prev.containsKey(key)) {
      return false;
    }
    return cur.putIfAbsent(key, Boolean.TRUE) == null;
  }
}
