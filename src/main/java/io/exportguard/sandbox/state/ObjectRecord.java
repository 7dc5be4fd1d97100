package io.exportguard.sandbox.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One object in an emulated bucket. Objects declared in a scenario hold {@code size} deterministic
 * bytes. Exported disk images report the disk's full size in listings and HeadObject but hold only
 * a short placeholder text, so a 40 GiB export costs nothing; {@link #placeholder()} says which.
 */
public record ObjectRecord(String bucket, String key, long size, Instant lastModified, byte[] content, boolean placeholder) {

  /** An object of exactly {@code size} bytes whose content depends only on its key. */
  public static ObjectRecord declared(String bucket, String key, long size, Instant lastModified) {
    byte[] pattern = ("exportguard sandbox object " + key + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[(int) size];
    for (int i = 0; i < content.length; i++) {
      content[i] = pattern[i % pattern.length];
    }
    return new ObjectRecord(bucket, key, size, lastModified, content, false);
  }

  /** An exported disk image: full size reported, placeholder content. */
  public static ObjectRecord exported(String bucket, String key, long size, Instant lastModified, String description) {
    byte[] content = ("exportguard sandbox placeholder for " + key + "\n" + description + "\nreported size: " + size + " bytes\n")
        .getBytes(StandardCharsets.UTF_8);
    return new ObjectRecord(bucket, key, size, lastModified, content, true);
  }

  /** The quoted upper-case MD5 of the content, as OSS shows it. */
  public String etag() {
    try {
      return "\"" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
