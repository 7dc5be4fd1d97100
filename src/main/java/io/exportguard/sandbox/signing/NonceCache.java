package io.exportguard.sandbox.signing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers RPC signature nonces for as long as their timestamps are acceptable, so a replayed
 * request is rejected with {@code SignatureNonceUsed}. Entries older than the window are dropped
 * every few thousand insertions, which keeps memory bounded under sustained load.
 */
public final class NonceCache {
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
  private final AtomicInteger insertions = new AtomicInteger();
  private final long windowMillis;

  public NonceCache(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /** True when the nonce is new (and records it); false when it was used within the window. */
  public boolean firstUse(String accessKeyId, String nonce, long nowMillis) {
    String key = accessKeyId + '\n' + nonce;
    Long previous = seen.putIfAbsent(key, nowMillis);
    if (insertions.incrementAndGet() % 4096 == 0) {
      long cutoff = nowMillis - windowMillis;
      seen.values().removeIf(t -> t < cutoff);
    }
    if (previous == null) {
      return true;
    }
    if (previous < nowMillis - windowMillis) {
      seen.put(key, nowMillis);
      return true;
    }
    return false;
  }
}
