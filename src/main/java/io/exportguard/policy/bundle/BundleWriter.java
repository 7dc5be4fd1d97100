package io.exportguard.policy.bundle;

import io.exportguard.rego.testing.TestRunner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a policy directory as an OPA bundle: {@code .manifest}, every {@code .rego} module except
 * test modules ({@code *_test.rego}, {@code test_*.rego}), every {@code data.json}/{@code data.yaml}/{@code data.yml} at its relative path,
 * and {@code .signatures.json} when a signing key is given. Entries are sorted with fixed times and
 * owners, so the same directory always gives the same bytes (and the same default revision).
 */
public final class BundleWriter {
  /**
   * What to write.
   *
   * @param revision the manifest revision; null for a digest of the bundle's files
   * @param roots the manifest roots; empty for the first segments of the packages and data paths
   * @param signingKey signs the bundle when not null
   */
  public record Options(String revision, List<String> roots, BundleKey signingKey) {
    public Options {
      roots = roots == null ? List.of() : List.copyOf(roots);
    }
  }

  /** What was written. */
  public record Written(int modules, int dataFiles, BundleManifest manifest, boolean signed) {}

  private BundleWriter() {}

  /** Writes the policy files of a directory. */
  public static Written write(Path dir, Path out, Options options) throws BundleException {
    return write(collect(dir), dir.toString(), out, options);
  }

  /**
   * Writes these files (relative name to content; names ending in .rego are modules, the rest must
   * be data files).
   */
  public static Written write(Map<String, byte[]> policyFiles, String from, Path out, Options options)
      throws BundleException {
    Map<String, byte[]> files = new TreeMap<>();
    policyFiles.forEach((name, bytes) -> {
      String base = name.substring(name.lastIndexOf('/') + 1);
      if ((base.endsWith(".rego") && !TestRunner.isTestFile(base)) || base.equals("data.json")
          || base.equals("data.yaml") || base.equals("data.yml")) {
        files.put(name, bytes);
      }
    });
    Path dir = Path.of(from);
    int modules = 0;
    int data = 0;
    Set<String> firstSegments = new LinkedHashSet<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (e.getKey().endsWith(".rego")) {
        modules++;
        List<String> pkg = PackagePath.of(new String(e.getValue(), StandardCharsets.UTF_8));
        if (pkg == null) throw new BundleException(dir.resolve(e.getKey()) + ": no package declaration");
        firstSegments.add(pkg.get(0));
      } else {
        data++;
        List<String> at = Roots.segments(e.getKey().substring(0, e.getKey().lastIndexOf('/') + 1));
        if (at.isEmpty()) {
          firstSegments.clear();
          firstSegments.add(""); // data at the top: the bundle owns all of data
          break;
        }
        firstSegments.add(at.get(0));
      }
    }
    if (modules + data == 0) throw new BundleException(dir + ": no .rego or data files to bundle");
    List<String> roots = options.roots().isEmpty()
        ? (firstSegments.contains("") ? List.of("") : new ArrayList<>(firstSegments)) : options.roots();
    String revision = options.revision() == null ? digest(files) : options.revision();
    BundleManifest manifest = new BundleManifest(revision, roots, null, 1);
    Map<String, byte[]> all = new TreeMap<>(files);
    all.put(".manifest", manifest.toJson().getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (e.getKey().endsWith(".rego")) {
        List<String> pkg = PackagePath.of(new String(e.getValue(), StandardCharsets.UTF_8));
        if (!Roots.anyCovers(roots, pkg)) {
          throw new BundleException("roots " + roots + " do not permit 'package " + String.join(".", pkg) + "' in "
              + e.getKey());
        }
      }
    }
    if (options.signingKey() != null) {
      all.put(BundleSignatures.FILE, BundleSignatures.sign(new TreeMap<>(all), options.signingKey())
          .getBytes(StandardCharsets.UTF_8));
    }
    writeTarGz(out, all);
    return new Written(modules, data, manifest, options.signingKey() != null);
  }

  private static Map<String, byte[]> collect(Path dir) throws BundleException {
    if (!Files.isDirectory(dir)) throw new BundleException(dir + ": not a directory");
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = dir.relativize(p);
        String name = rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
        if (hidden(name)) continue;
        String base = p.getFileName().toString();
        boolean module = base.endsWith(".rego") && !TestRunner.isTestFile(base);
        boolean data = base.equals("data.json") || base.equals("data.yaml") || base.equals("data.yml");
        if (module || data) files.put(name, Files.readAllBytes(p));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BundleException(dir + ": cannot read: " + e.getMessage());
    }
    return files;
  }

  private static boolean hidden(String rel) {
    for (String part : rel.split("/")) {
      if (part.startsWith(".")) return true;
    }
    return false;
  }

  private static String digest(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        sha.update((e.getKey() + "\n" + e.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(e.getValue());
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void writeTarGz(Path out, Map<String, byte[]> files) throws BundleException {
    Path parent = out.toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".bundle-", ".tmp");
      GzipParameters gzip = new GzipParameters();
      gzip.setModificationTime(0);
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
           GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw, gzip);
           TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
          TarArchiveEntry entry = new TarArchiveEntry("/" + e.getKey());
          entry.setSize(e.getValue().length);
          entry.setMode(0100644);
          entry.setModTime(0);
          tar.putArchiveEntry(entry);
          tar.write(e.getValue());
          tar.closeArchiveEntry();
        }
      }
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BundleException(out + ": cannot write: " + e.getMessage());
    }
  }
}
