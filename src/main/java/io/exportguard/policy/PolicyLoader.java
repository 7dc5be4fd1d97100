package io.exportguard.policy;

import io.exportguard.policy.bundle.Bundle;
import io.exportguard.policy.bundle.BundleException;
import io.exportguard.policy.bundle.BundleKey;
import io.exportguard.policy.bundle.BundleReader;
import io.exportguard.policy.bundle.BundleSet;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads policy sets the way {@code opa eval -b} and {@code opa test} read directories: every
 * {@code *.rego} file is a module ({@code *_test.rego} and {@code test_*.rego} only when tests are wanted), and a
 * {@code data.json}, {@code data.yaml} or {@code data.yml} in directory {@code a/b} (relative to
 * the loaded root) is mounted at {@code data.a.b}. Other files are ignored, so test fixtures may
 * sit beside the policies.
 *
 * <p>The built-in pack is read from the classpath under {@code policies/}. Java cannot list a
 * classpath directory portably (a jar, a shaded jar and a classes folder all differ), so the pack
 * carries a checked-in {@code policies/index.txt}; a unit test keeps it equal to the files on disk,
 * which is simpler than a build-time generator and works the same from the IDE, Maven and the jar.
 *
 * <p>Files named by {@code --data} are deep-merged, later files winning, over the result under
 * {@code data.exportguard.config}, where the pack keeps its limits, lists and switches.
 */
public final class PolicyLoader {
  /** Classpath folder of the built-in pack. */
  public static final String BUILTIN_ROOT = "policies";
  /** The index of the built-in pack: one path relative to {@link #BUILTIN_ROOT} per line. */
  public static final String BUILTIN_INDEX = BUILTIN_ROOT + "/index.txt";
  /** Where {@code --data} files are merged. */
  public static final List<String> CONFIG_PATH = List.of("exportguard", "config");

  /**
   * What to load.
   *
   * @param policyPaths {@code --policies} directories (or single .rego/data files), in order
   * @param defaultPolicies whether the built-in pack is loaded (first, so user data wins over it)
   * @param dataFiles {@code --data} files, merged under {@code data.exportguard.config} in order
   * @param tests whether test modules ({@code *_test.rego}, {@code test_*.rego}) are included
   * @param bundles OPA bundles ({@code --bundle}), loaded after the built-in pack
   * @param verificationKey verifies the bundles' signatures; null when none was given
   */
  public record Sources(List<Path> policyPaths, boolean defaultPolicies, List<Path> dataFiles, boolean tests,
                        List<Path> bundles, BundleKey verificationKey) {
    public Sources {
      policyPaths = List.copyOf(policyPaths);
      dataFiles = List.copyOf(dataFiles);
      bundles = bundles == null ? List.of() : List.copyOf(bundles);
    }

    /** Without bundles. */
    public Sources(List<Path> policyPaths, boolean defaultPolicies, List<Path> dataFiles, boolean tests) {
      this(policyPaths, defaultPolicies, dataFiles, tests, List.of(), null);
    }

    /** The built-in pack only, without tests. */
    public static Sources defaults() { return new Sources(List.of(), true, List.of(), false); }
  }

  /** Data written inside another file (the configuration's {@code data}): its name for messages and its text. */
  public record InlineData(String name, String text) {}

  private PolicyLoader() {}

  /** Loads, parses data and fingerprints; Rego is not compiled here (see {@link LoadedPolicies#compile()}). */
  public static LoadedPolicies load(Sources sources) throws PolicyLoadException {
    return load(sources, null);
  }

  /**
   * As {@link #load(Sources)}, with {@code config} (a configuration file's {@code data} mapping, or
   * null) merged under {@code data.exportguard.config} before the data files, which win over it.
   */
  public static LoadedPolicies load(Sources sources, InlineData config) throws PolicyLoadException {
    List<RegoModule> modules = new ArrayList<>();
    ObjectValue data = ObjectValue.EMPTY;
    if (sources.defaultPolicies()) {
      for (String rel : builtinIndex()) {
        String name = BUILTIN_ROOT + "/" + rel;
        if (isModule(rel, sources.tests())) {
          modules.add(new RegoModule(name, readResource(name), RegoVersion.V1));
        } else if (isMountedData(rel)) {
          data = DataDocuments.merge(data, DataDocuments.mount(mountPath(rel), DataDocuments.parseObject(name, readResource(name))));
        }
      }
    }
    List<Bundle> bundles = new ArrayList<>();
    for (Path file : sources.bundles()) {
      try {
        bundles.add(BundleReader.read(file, sources.verificationKey(), ""));
      } catch (BundleException e) {
        throw new PolicyLoadException(file.toString(), stripPrefix(e.getMessage(), file + ": "));
      }
    }
    try {
      BundleSet.checkRoots(bundles, sources.defaultPolicies());
    } catch (BundleException e) {
      throw new PolicyLoadException("--bundle", e.getMessage());
    }
    for (Bundle b : bundles) {
      modules.addAll(b.modules());
      data = DataDocuments.merge(data, b.data());
    }
    for (Path root : sources.policyPaths()) {
      if (!Files.exists(root)) throw new PolicyLoadException(root.toString(), "no such file or directory");
      for (Path file : filesUnder(root)) {
        String rel = Files.isDirectory(root) ? slashed(root.relativize(file)) : file.getFileName().toString();
        String name = file.toString();
        if (isModule(rel, sources.tests())) {
          modules.add(new RegoModule(name, readFile(file)));
        } else if (isMountedData(rel) || (!Files.isDirectory(root) && DataDocuments.isDataFileName(rel))) {
          List<String> at = Files.isDirectory(root) ? mountPath(rel) : List.of();
          data = DataDocuments.merge(data, DataDocuments.mountFile(at, name, readFile(file)));
        } else if (!Files.isDirectory(root)) {
          throw new PolicyLoadException(name, "not a Rego (.rego) or data (.json, .yaml) file");
        }
      }
    }
    if (config != null) {
      data = DataDocuments.merge(data, DataDocuments.mount(CONFIG_PATH, DataDocuments.parseObject(config.name(), config.text())));
    }
    for (Path file : sources.dataFiles()) {
      if (Files.isDirectory(file)) throw new PolicyLoadException(file.toString(), "is a directory, not a data file");
      if (!Files.isRegularFile(file)) throw new PolicyLoadException(file.toString(), "no such file");
      ObjectValue doc = DataDocuments.parseObject(file.toString(), readFile(file));
      data = DataDocuments.merge(data, DataDocuments.mount(CONFIG_PATH, doc));
    }
    modules.sort(Comparator.comparing(RegoModule::file));
    boolean builtInPackOnly = sources.defaultPolicies() && sources.policyPaths().isEmpty() && sources.bundles().isEmpty()
        && !sources.tests();
    return new LoadedPolicies(modules, data, bundles, builtInPackOnly);
  }

  private static String stripPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** The built-in pack's library packages ({@code exportguard.lib.*}), which user policies and tests may import. */
  private static final String LIBRARY = "exportguard/lib/";
  private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^package\\s+([\\w.\\[\\]\"-]+)");

  /**
   * The loaded policies plus the built-in pack's library modules ({@code exportguard.lib.*}, written
   * in Rego v1, without the library's own tests), so that user policies and their tests can use
   * {@code data.exportguard.lib.ram} without the pack's checks. A library package the loaded
   * modules define themselves is not added again.
   */
  public static LoadedPolicies withBuiltinLibrary(LoadedPolicies loaded) throws PolicyLoadException {
    java.util.Set<String> packages = new java.util.HashSet<>();
    for (RegoModule m : loaded.modules()) packages.add(packageOf(m.source()));
    List<RegoModule> modules = new ArrayList<>(loaded.modules());
    for (String rel : builtinIndex()) {
      if (!rel.startsWith(LIBRARY) || !rel.endsWith(".rego")) continue;
      String name = BUILTIN_ROOT + "/" + rel;
      String source = readResource(name);
      String pkg = packageOf(source);
      if (pkg.endsWith("_test") || packages.contains(pkg)) continue;
      modules.add(new RegoModule(name, source, RegoVersion.V1));
    }
    modules.sort(Comparator.comparing(RegoModule::file));
    return new LoadedPolicies(modules, loaded.data());
  }

  private static String packageOf(String source) {
    java.util.regex.Matcher m = PACKAGE.matcher(source);
    return m.find() ? m.group(1) : "";
  }

  /** A JSON or YAML document of any value, such as a query's input ({@code rego eval -i}). */
  public static io.exportguard.rego.value.Value readDocument(Path file) throws PolicyLoadException {
    if (Files.isDirectory(file)) throw new PolicyLoadException(file.toString(), "is a directory, not a JSON or YAML file");
    if (!Files.isRegularFile(file)) throw new PolicyLoadException(file.toString(), "no such file");
    return DataDocuments.parse(file.toString(), readFile(file));
  }

  /** The built-in pack's relative file names, as listed in its index. */
  public static List<String> builtinIndex() throws PolicyLoadException {
    String text = readResource(BUILTIN_INDEX);
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  /** The built-in pack's files (relative name to content), as {@code policy build} bundles them. */
  public static Map<String, byte[]> builtinFiles() throws PolicyLoadException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String rel : builtinIndex()) {
      String name = BUILTIN_ROOT + "/" + rel;
      try {
        byte[] bytes = BuiltInResources.read(name);
        if (bytes == null) throw new PolicyLoadException(name, "missing from the built-in policy pack");
        out.put(rel, bytes);
      } catch (IOException e) {
        throw new PolicyLoadException(name, "cannot read: " + e.getMessage());
      }
    }
    return out;
  }

  private static boolean isModule(String rel, boolean tests) {
    if (!rel.endsWith(".rego")) return false;
    return tests || !io.exportguard.rego.testing.TestRunner.isTestFile(rel);
  }

  private static boolean isMountedData(String rel) {
    String base = rel.substring(rel.lastIndexOf('/') + 1);
    return base.equals("data.json") || base.equals("data.yaml") || base.equals("data.yml");
  }

  /** The directory segments of a relative path: {@code a/b/data.json} mounts at {@code [a, b]}. */
  private static List<String> mountPath(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? List.of() : Arrays.asList(rel.substring(0, slash).split("/"));
  }

  private static List<Path> filesUnder(Path root) throws PolicyLoadException {
    if (!Files.isDirectory(root)) return List.of(root);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !hiddenBelow(root, p))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new PolicyLoadException(root.toString(), "cannot list directory: " + e.getMessage());
    }
  }

  /** Dot-folders and dot-files (.git, .idea, editor swap files) are not part of a policy set. */
  private static boolean hiddenBelow(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }

  private static String slashed(Path rel) {
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }

  /** The largest policy or data file read (a generated data file of allowlists stays far below it). */
  static final long MAX_FILE_BYTES = 64L << 20;

  private static String readFile(Path file) throws PolicyLoadException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new PolicyLoadException(file.toString(), "larger than " + (MAX_FILE_BYTES >> 20) + " MB");
      }
      return decode(Files.readAllBytes(file));
    } catch (CharacterCodingException e) {
      throw new PolicyLoadException(file.toString(), "not valid UTF-8");
    } catch (IOException e) {
      throw new PolicyLoadException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  private static String readResource(String name) throws PolicyLoadException {
    try {
      byte[] bytes = BuiltInResources.read(name);
      if (bytes == null) throw new PolicyLoadException(name, "missing from the built-in policy pack");
      return decode(bytes);
    } catch (CharacterCodingException e) {
      throw new PolicyLoadException(name, "not valid UTF-8");
    } catch (IOException e) {
      throw new PolicyLoadException(name, "cannot read: " + e.getMessage());
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    // The String constructor is several times faster (the built-in pack is decoded on every run's
    // critical path) but replaces malformed input with U+FFFD: only text holding one is decoded again
    // strictly, which tells a malformed file from one that holds U+FFFD itself.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) return text;
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * SHA-256 over every module (name and source, length-prefixed so no two sets collide by
   * concatenation) in file order, then the merged data as canonical JSON (keys sorted).
   */
  static String fingerprint(List<RegoModule> modules, ObjectValue data) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    for (RegoModule m : modules) {
      field(sha, "module", m.file());
      field(sha, "source", m.source());
    }
    field(sha, "data", Json.write(data));
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void field(MessageDigest sha, String tag, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((tag + " " + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
    sha.update(bytes);
  }
}
