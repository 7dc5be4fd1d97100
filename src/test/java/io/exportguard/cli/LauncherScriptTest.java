package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/exportguard, run with stand-in JDKs whose {@code java} records its arguments: which JVM it
 * picks (JAVA_HOME, else the PATH, through symlinks), the archive per JDK feature version (AOT cache
 * from 25, AppCDS before), training once and again when the jar is newer, and what it passes on.
 */
class LauncherScriptTest {
  private static final Path LAUNCHER = Path.of("bin", "exportguard").toAbsolutePath();
  /** A stand-in {@code java}: logs "RUN", its directory and arguments; a training run writes its archive. */
  private static final String FAKE_JAVA = """
      #!/usr/bin/env bash
      { echo RUN; echo "cwd=$PWD"; printf '%s\\n' "$@"; } >>"$FAKE_JAVA_LOG"
      for a; do
        case "$a" in
          -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) [[ -n "${FAKE_JAVA_NO_ARCHIVE:-}" ]] || echo archive >"${a#*=}" ;;
        esac
      done
      exit "${FAKE_JAVA_EXIT:-0}"
      """;

  @TempDir Path dir;
  private Path jar;
  private Path log;

  @BeforeEach
  void jdksAndJar() throws IOException {
    jdk("jdk25", "25.0.1");
    jdk("jdk17", "17.0.13+11");
    jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
    log = dir.resolve("java.log");
  }

  @Test
  void onJdk25ItTrainsAnAotCacheOnceThenUsesIt() throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", dir.resolve("jdk25").toString());
    Result first = launch(env, "preflight", "--sandbox", "demo-pass");
    List<List<String>> runs = runs();
    assertThat(runs).hasSize(2);
    List<String> training = runs.get(0);
    assertThat(training).anySatisfy(a -> assertThat(a).startsWith("-XX:AOTCacheOutput=").endsWith("/archive"))
        .containsSubsequence("-cp", jar.toString(), Main.class.getName(), "preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou")
        .noneMatch(a -> a.startsWith("-XX:AOTCache="));
    assertThat(training.get(0)).doesNotContain(dir.toString()); // trained in a scratch directory
    Path cache = dir.resolve("app-jdk25.aot");
    assertThat(cache).isRegularFile();
    assertThat(runs.get(1)).contains("-XX:AOTCache=" + cache, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
        "-Djdk.reflect.useNativeAccessorOnly=true", "-Xlog:all=warning,cds*=off,aot*=off:stderr");
    assertThat(runs.get(1).subList(runs.get(1).indexOf("-cp"), runs.get(1).size()))
        .containsExactly("-cp", jar.toString(), Main.class.getName(), "preflight", "--sandbox", "demo-pass");
    assertThat(first.code()).isZero();

    Files.delete(log);
    launch(env, "--version");
    assertThat(runs()).hasSize(1);

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(cache).toMillis() + 10_000));
    Files.delete(log);
    launch(env, "--version");
    assertThat(runs()).hasSize(2);
  }

  @Test
  void withoutJavaHomeItTakesJavaFromThePathThroughASymlinkAndUsesAppCdsBefore25() throws Exception {
    Path links = Files.createDirectories(dir.resolve("links"));
    Files.createSymbolicLink(links.resolve("java"), dir.resolve("jdk17/bin/java"));
    launch(Map.of("PATH", links + ":/usr/bin:/bin"), "--version");
    List<List<String>> runs = runs();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).anySatisfy(a -> assertThat(a).startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(runs.get(1)).contains("-Xshare:auto", "-XX:SharedArchiveFile=" + dir.resolve("app-jdk17.jsa"),
        "-Xlog:all=warning,cds*=off:stderr")
        .doesNotContain("-Djdk.reflect.useNativeAccessorOnly=true"); // a JDK 17 has no such switch
  }

  @Test
  void aFailedTrainingLeavesNoArchiveAndTheRunGoesOnWithoutOne() throws Exception {
    Result r = launch(Map.of("JAVA_HOME", dir.resolve("jdk17").toString(), "FAKE_JAVA_NO_ARCHIVE", "1",
        "FAKE_JAVA_EXIT", "3", "JAVA_OPTS", "-Dexportguard.trace=true"), "--version");
    assertThat(r.code()).isEqualTo(3); // the JVM's own exit code
    List<List<String>> runs = runs();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1)).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))
        .containsSubsequence("-Dexportguard.trace=true", "-cp", jar.toString(), Main.class.getName(), "--version");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jsa"));
    }
  }

  @Test
  void aRelativeJarIsFoundFromTheCallersDirectory() throws Exception {
    launch(Map.of("JAVA_HOME", dir.resolve("jdk17").toString(), "EXPORTGUARD_JAR", "app.jar"), "--version");
    assertThat(dir.resolve("app-jdk17.jsa")).isRegularFile();
    assertThat(runs().get(1)).startsWith("cwd=" + dir).containsSubsequence("-cp", jar.toString());
  }

  private void jdk(String name, String version) throws IOException {
    Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
    Files.writeString(dir.resolve(name).resolve("release"),
        "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
    Path java = Files.writeString(bin.resolve("java"), FAKE_JAVA);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The stand-in JVM's runs so far, each its working directory line and then its arguments. */
  private List<List<String>> runs() throws IOException {
    List<List<String>> runs = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.equals("RUN")) runs.add(new ArrayList<>());
      else runs.get(runs.size() - 1).add(line);
    }
    return runs;
  }

  record Result(int code, String err) {}

  /** bin/exportguard ARGS in the temporary directory with {@code env} over a bare environment. */
  private Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(),
        "FAKE_JAVA_LOG", log.toString(), "EXPORTGUARD_JAR", jar.toString()));
    pb.environment().putAll(env);
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readString(err));
  }
}
