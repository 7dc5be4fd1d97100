package io.exportguard.policy.bundle;

import io.exportguard.policy.DataDocuments;
import io.exportguard.policy.PolicyLoadException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an OPA bundle ({@code .tar.gz}) the way OPA does: {@code .manifest}, {@code *.rego} modules,
 * {@code data.json}/{@code data.yaml} mounted at their directory, {@code .signatures.json} checked
 * when a key is given; other files are ignored. The archive is untrusted input: entry names that
 * climb out ({@code ..}), links and devices are refused, and the entry count, each file's size and
 * the total unpacked size are bounded, so a decompression bomb stops at the bound.
 */
public final class BundleReader {
  static final int MAX_ENTRIES = 10_000;
  static final long MAX_FILE_BYTES = 64L << 20;
  static final long MAX_TOTAL_BYTES = 256L << 20;

  private BundleReader() {}

  /** Reads and checks one bundle; {@code key} (nullable) verifies its signature, which is then required. */
  public static Bundle read(Path file, BundleKey key, String scope) throws BundleException {
    String name = file.toString();
    Map<String, byte[]> files = unpack(name, file);
    byte[] signatures = files.remove(BundleSignatures.FILE);
    String signature = "none";
    if (key != null) {
      if (signatures == null) {
        throw new BundleException(name + ": bundle is not signed (no " + BundleSignatures.FILE
            + "), but a verification key was given");
      }
      BundleSignatures.verify(name, signatures, files, key, scope);
      signature = "verified";
    } else if (signatures != null) {
      // As OPA: a signed bundle is only loaded once its signature is checked.
      throw new BundleException(name + ": bundle is signed (" + BundleSignatures.FILE + "); give its key with"
          + " --verification-key (and --signing-alg when not RS256)");
    }
    byte[] manifestBytes = files.get(".manifest");
    BundleManifest manifest = manifestBytes == null ? BundleManifest.DEFAULT : BundleManifest.parse(name, manifestBytes);
    // A bundle says which Rego its modules are (v1 unless the manifest says 0), whatever --v0-compatible says.
    RegoVersion version = manifest.regoVersion() == 0 ? RegoVersion.V0 : RegoVersion.V1;
    List<RegoModule> modules = new ArrayList<>();
    ObjectValue data = ObjectValue.EMPTY;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String path = e.getKey();
      String base = path.substring(path.lastIndexOf('/') + 1);
      if (path.endsWith(".rego")) {
        String source = utf8(name, path, e.getValue());
        List<String> pkg = PackagePath.of(source);
        if (pkg == null) throw new BundleException(name + ": /" + path + ": no package declaration");
        if (!Roots.anyCovers(manifest.roots(), pkg)) {
          throw new BundleException(name + ": manifest roots " + manifest.roots() + " do not permit 'package "
              + String.join(".", pkg) + "' in module '/" + path + "'");
        }
        modules.add(new RegoModule(name + "/" + path, source, version));
      } else if (base.equals("data.json") || base.equals("data.yaml") || base.equals("data.yml")) {
        List<String> at = Roots.segments(path.substring(0, path.length() - base.length()));
        ObjectValue doc;
        try {
          doc = DataDocuments.parseObject(name + "/" + path, utf8(name, path, e.getValue()));
        } catch (PolicyLoadException ex) {
          throw new BundleException(ex.format());
        }
        checkDataRoots(name, manifest.roots(), at, doc);
        data = DataDocuments.merge(data, DataDocuments.mount(at, doc));
      } else if (base.equals("policy.wasm") || base.equals("plan.json")) {
        throw new BundleException(name + ": /" + path + ": Wasm and plan bundles are not supported (build the bundle"
            + " with Rego modules)");
      }
    }
    return new Bundle(name, manifest, modules, data, signature);
  }

  /** Every data path must lie under a root (or above one, holding only objects on the way down). */
  private static void checkDataRoots(String name, List<String> roots, List<String> at, Value doc)
      throws BundleException {
    if (Roots.anyCovers(roots, at)) return;
    if (doc instanceof ObjectValue o && (at.isEmpty() || Roots.aboveSome(roots, at))) {
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        List<String> child = new ArrayList<>(at);
        child.add(e.getKey().toJava().toString());
        checkDataRoots(name, roots, child, e.getValue());
      }
      return;
    }
    throw new BundleException(name + ": manifest roots " + roots + " do not permit data at path '"
        + Roots.display(at) + "' (hint: check bundle directory structure)");
  }

  /** The archive's regular files by clean relative name, bounded and checked for traversal. */
  private static Map<String, byte[]> unpack(String name, Path file) throws BundleException {
    Map<String, byte[]> files = new TreeMap<>();
    long total = 0;
    int entries = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
         GzipCompressorInputStream gz = new GzipCompressorInputStream(raw, true);
         TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) throw new BundleException(name + ": more than " + MAX_ENTRIES + " entries");
        if (entry.isDirectory()) continue;
        String path = cleanName(name, entry.getName());
        if (entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice() || entry.isBlockDevice()
            || entry.isFIFO() || !entry.isFile()) {
          throw new BundleException(name + ": " + entry.getName() + ": links and special files are not allowed in a"
              + " bundle");
        }
        byte[] content = readBounded(name, path, tar, MAX_TOTAL_BYTES - total);
        total += content.length;
        if (files.put(path, content) != null) throw new BundleException(name + ": duplicate file /" + path);
      }
    } catch (NoSuchFileException e) {
      throw new BundleException(name + ": no such file");
    } catch (IOException e) {
      throw new BundleException(name + ": not a readable gzip-compressed tar bundle (" + e.getMessage() + ")");
    }
    if (entries == 0) throw new BundleException(name + ": empty bundle (no files)");
    return files;
  }

  /** {@code /a/./b.rego} and {@code a/b.rego} are both {@code a/b.rego}; {@code ..}, NUL and backslashes are refused. */
  static String cleanName(String bundle, String entryName) throws BundleException {
    if (entryName.indexOf('\0') >= 0 || entryName.indexOf('\\') >= 0) {
      throw new BundleException(bundle + ": " + entryName.replace('\0', '?') + ": invalid file name");
    }
    List<String> parts = new ArrayList<>();
    for (String s : entryName.split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) throw new BundleException(bundle + ": " + entryName + ": path escapes the bundle root");
      parts.add(s);
    }
    if (parts.isEmpty()) throw new BundleException(bundle + ": " + entryName + ": invalid file name");
    return String.join("/", parts);
  }

  private static byte[] readBounded(String bundle, String path, InputStream in, long totalLeft)
      throws IOException, BundleException {
    long limit = Math.min(MAX_FILE_BYTES, totalLeft);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long n = 0;
    for (int r; (r = in.read(buf)) > 0; ) {
      n += r;
      if (n > limit) {
        throw new BundleException(bundle + ": /" + path + ": too large once unpacked (limit "
            + (n > MAX_FILE_BYTES ? MAX_FILE_BYTES >> 20 : MAX_TOTAL_BYTES >> 20) + " MiB"
            + (n > MAX_FILE_BYTES ? " per file" : " per bundle") + ")");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  private static String utf8(String bundle, String path, byte[] bytes) throws BundleException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BundleException(bundle + ": /" + path + ": not valid UTF-8");
    }
  }
}
