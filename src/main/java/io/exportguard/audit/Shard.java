package io.exportguard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One slice of an audit ({@code --shard i/n}, 1-based): a target belongs to the shard its key
 * (account, region, resource) hashes to, so every process given the same account computes the same
 * partition, and the slices together hold every target exactly once.
 */
public record Shard(int index, int count) {
  /** The whole audit. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
    }
  }

  /** Parses {@code i/n}; a problem is an {@link IllegalArgumentException} saying what is expected. */
  public static Shard parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
    if (parts.length == 2) {
      try {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      } catch (NumberFormatException e) {
        // reported below
      } catch (IllegalArgumentException e) {
        throw e;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a shard: give i/n, e.g. 1/3");
  }

  public boolean isWhole() { return count == 1; }

  /** Whether the target keyed by account, region (empty when account-wide) and resource id is in this shard. */
  public boolean owns(String accountId, String regionId, String resourceId) {
    if (count == 1) return true;
    return bucketOf(accountId + "\u0000" + regionId + "\u0000" + resourceId, count) == index - 1;
  }

  /** A uniform, platform-independent hash: the first 8 bytes of SHA-256, modulo n. */
  static int bucketOf(String key, int n) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xff);
      return (int) Long.remainderUnsigned(v, n);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() { return index + "/" + count; }
}
