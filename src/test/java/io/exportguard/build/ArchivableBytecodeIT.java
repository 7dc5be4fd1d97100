package io.exportguard.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The shipped jar's picocli and jdom2 classes (Java 5 class files in their own jars) are raised by the
 * build (ArchivableBytecode) so class-data sharing can archive them: they are version 52, they differ
 * from the originals in nothing but the version, frames and maximum stack/locals, they link exactly as
 * the originals do, and a training run's archive serves them.
 */
class ArchivableBytecodeIT {
  private static final Path SHIPPED = Path.of("target", "exportguard.jar").toAbsolutePath();
  private static final List<String> RAISED_PACKAGES = List.of("picocli/", "org/jdom2/");
  /** Class file name → bytes, shipped and original, for every class of the raised packages. */
  private static final Map<String, byte[]> shipped = new LinkedHashMap<>();
  private static final Map<String, byte[]> originals = new LinkedHashMap<>();
  private static final List<Path> originalJars = new ArrayList<>();

  @BeforeAll
  static void readClasses() throws IOException {
    read(SHIPPED, shipped);
    // The dependency jars as Maven resolved them (the project's classes and jar hold the raised copies).
    Map<String, String> jarOf = Map.of("picocli/CommandLine.class", "picocli-", "org/jdom2/Element.class", "jdom2-");
    for (Map.Entry<String, String> probe : jarOf.entrySet()) {
      for (URL url : Collections.list(ClassLoader.getSystemClassLoader().getResources(probe.getKey()))) {
        if (!url.getProtocol().equals("jar")) continue;
        Path jar = Path.of(URI.create(url.getPath().substring(0, url.getPath().indexOf("!/"))));
        if (jar.getFileName().toString().startsWith(probe.getValue())) originalJars.add(jar);
      }
    }
    assertThat(originalJars).hasSize(2);
    for (Path jar : originalJars) read(jar, originals);
  }

  @Test
  void everyClassOfPicocliAndJdom2IsShippedAtVersion52() {
    assertThat(shipped.keySet()).containsExactlyInAnyOrderElementsOf(originals.keySet());
    assertThat(shipped).hasSizeGreaterThan(400);
    originals.values().forEach(original -> assertThat(ArchivableBytecode.version(original)).isLessThan(50));
    Map<String, Integer> versions = shipped.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> ArchivableBytecode.version(e.getValue())));
    assertThat(versions).allSatisfy((name, version) -> assertThat(version).as(name).isEqualTo(52));
  }

  @Test
  void onlyTheVersionFramesAndMaximaChange() {
    for (Map.Entry<String, byte[]> e : originals.entrySet()) {
      assertThat(text(shipped.get(e.getKey()), false)).as(e.getKey()).isEqualTo(text(e.getValue(), true));
    }
  }

  @Test
  void everyClassLinksAsTheOriginalDoes() throws Exception {
    List<URL> originalsFirst = new ArrayList<>();
    for (Path jar : originalJars) originalsFirst.add(jar.toUri().toURL());
    originalsFirst.add(SHIPPED.toUri().toURL());
    try (URLClassLoader raised = new URLClassLoader(new URL[] {SHIPPED.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
         URLClassLoader original = new URLClassLoader(originalsFirst.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      int linked = 0;
      for (String file : shipped.keySet()) {
        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
        String outcome = link(name, raised);
        assertThat(outcome).as(name).isEqualTo(link(name, original)).doesNotContain("VerifyError", "ClassFormatError");
        if (outcome.startsWith("linked")) linked++;
      }
      assertThat(linked).isGreaterThan(400);
    }
  }

  @Test
  void aTrainingRunsArchiveServesPicocli(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("app.jsa");
    run(dir, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    assertThat(archive).isRegularFile();
    String log = run(dir, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:class+load=info");
    List<String> picocli = log.lines().filter(l -> l.contains(" picocli.")).toList();
    assertThat(picocli).hasSizeGreaterThan(50).allSatisfy(l -> assertThat(l).contains("source: shared objects file"));
  }

  /** {@code java OPTIONS -jar SHIPPED --help} in {@code dir}: its standard output. */
  private static String run(Path dir, String... options) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(options));
    cmd.addAll(List.of("-jar", SHIPPED.toString(), "--help"));
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isZero();
    return Files.readString(out);
  }

  /** "linked" and the class's modifiers, or the class of what loading and linking {@code name} threw. */
  private static String link(String name, ClassLoader loader) {
    try {
      Class<?> c = Class.forName(name, false, loader);
      c.getDeclaredMethods(); // links, so verifies, the class
      return "linked " + Modifier.toString(c.getModifiers());
    } catch (Throwable t) {
      return t.getClass().getName();
    }
  }

  /**
   * The class as text, without what recomputing frames may change: its version, frames and maximum
   * stack and locals. An original ({@code old}) is first passed through the flags raising makes explicit
   * (interfaces' implied abstract flag; {@link #everyClassLinksAsTheOriginalDoes} checks the JVM agrees).
   */
  private static String text(byte[] classFile, boolean old) {
    StringWriter text = new StringWriter();
    ClassVisitor printer = new TraceClassVisitor(new PrintWriter(text));
    new ClassReader(classFile).accept(old ? new ArchivableBytecode.Raised(printer) : printer, ClassReader.SKIP_FRAMES);
    return text.toString().lines()
        .filter(l -> !l.startsWith("// class version") && !l.contains("MAXSTACK =") && !l.contains("MAXLOCALS ="))
        .collect(Collectors.joining("\n"));
  }

  private static void read(Path jar, Map<String, byte[]> into) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
        if (!e.getName().endsWith(".class") || RAISED_PACKAGES.stream().noneMatch(e.getName()::startsWith)) continue;
        try (InputStream in = file.getInputStream(e)) {
          into.put(e.getName(), in.readAllBytes());
        }
      }
    }
  }
}
