package io.exportguard.policy.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Test keys as PEM files, and raw tar.gz archives (including hostile ones) for the bundle reader. */
public final class TestBundles {
  private TestBundles() {}

  /** A fresh key pair written as PKCS#8 "PRIVATE KEY" and SPKI "PUBLIC KEY" PEM files. */
  public record Keys(Path privateKey, Path publicKey) {}

  public static Keys keys(Path dir, String name, String algorithm) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA");
    if (algorithm.startsWith("ES")) g.initialize(new ECGenParameterSpec("secp256r1"));
    else g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    return new Keys(pem(dir.resolve(name + ".key"), "PRIVATE KEY", kp.getPrivate().getEncoded()),
        pem(dir.resolve(name + ".pub"), "PUBLIC KEY", kp.getPublic().getEncoded()));
  }

  static Path pem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  /** A tar.gz with these entries (name to content) in order. */
  public static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
         GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
         TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /** A tar.gz with one symbolic link entry. */
  static Path withSymlink(Path file) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
         GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
         TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      TarArchiveEntry link = new TarArchiveEntry("policy.rego", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }
    return file;
  }

  /** A tar.gz whose one data.json unpacks to {@code size} bytes of spaces (a few hundred KB packed). */
  static Path bomb(Path file, long size) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
         GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
         TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry entry = new TarArchiveEntry("data.json");
      entry.setSize(size);
      tar.putArchiveEntry(entry);
      byte[] spaces = new byte[1 << 16];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (long left = size; left > 0; left -= spaces.length) tar.write(spaces, 0, (int) Math.min(spaces.length, left));
      tar.closeArchiveEntry();
    }
    return file;
  }

  static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  static InputStream unused() { return InputStream.nullInputStream(); }
}
