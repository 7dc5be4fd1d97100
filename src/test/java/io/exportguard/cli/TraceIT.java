package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dexportguard.trace=true} on a sandbox preflight, as a child process: the phases in the
 * order a run goes through them, each start-up daemon's own CPU time and the threads' CPU times at
 * the end, all read from {@code /proc} on Linux, so tracing does not load the JVM's management
 * classes into the very start-up it measures.
 */
@EnabledOnOs(OS.LINUX)
class TraceIT {
  private static final Pattern PHASE = Pattern.compile("(?m)^trace +(\\d+) ms wall +(\\d+) ms cpu  (.+)$");

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void printsThePhasesInOrderWithCpuTimesFromProcWithoutTheManagementClasses(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes.log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dexportguard.trace=true", "-Xlog:class+load=info:file=" + classes));
    List<String> run = PreflightInterruptIT.javaCommand("preflight", "--sandbox", "demo-pass", "--region",
        "cn-hangzhou", "--image", "m-bp1demo0001", "--bucket", "my-export-bucket", "--out", dir.resolve("r").toString());
    cmd.addAll(run.subList(1, run.size()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
    Process child = pb.start();
    assertThat(child.waitFor(50, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(err).isZero();

    List<String> phases = new ArrayList<>();
    long lastWall = -1;
    Matcher m = PHASE.matcher(err);
    while (m.find()) {
      assertThat(Long.parseLong(m.group(2))).as("process CPU read: %s", err).isPositive();
      if (m.group(3).contains(" done (")) continue; // a daemon's line, printed from its own thread
      long wall = Long.parseLong(m.group(1));
      assertThat(wall).as("the main thread's phases, in time order: %s", err).isGreaterThanOrEqualTo(lastWall);
      lastWall = wall;
      phases.add(m.group(3).replaceAll(" \\(.*", ""));
    }
    assertThat(phases).as(err).containsSubsequence("command line parsed", "policies started", "clients ready",
        "facts gathered", "decided", "reports written", "closed");
    assertThat(err).containsPattern("exportguard-sandbox-start done \\(\\d+ ms cpu on its thread\\)")
        .containsPattern("(?m)^trace thread \\S.* +\\d+ ms cpu$");
    assertThat(Files.readString(classes)).as("classes loaded").doesNotContain("java.lang.management.")
        .doesNotContain("sun.management.");
  }
}
