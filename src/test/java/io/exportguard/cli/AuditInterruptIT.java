package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cloud.SandboxClients;
import io.exportguard.sandbox.scenario.AccountGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exportguard audit} as a real child process, stopped with SIGTERM half-way: it stops early,
 * writes the report of what it decided marked incomplete, and exits 2 without a stack trace. The
 * audit is made long by pacing every API at one call a second ({@code --api-rate 1}), not by timing.
 */
class AuditInterruptIT {
  private static final Pattern PROGRESS = Pattern.compile("(exportguard audit: regions \\d+/\\d+)");

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void sigtermStopsTheAuditAndWritesTheIncompleteReport(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("account.yaml");
    Files.writeString(scenario, AccountGenerator.yaml(AccountGenerator.Spec.of(2, 40).withTasks(80)
        .withNow(Instant.now())));
    Path out = dir.resolve("reports");
    try (SandboxClients s = new SandboxClients(scenario.toString())) {
      ProcessBuilder pb = new ProcessBuilder(PreflightInterruptIT.javaCommand("audit", "--endpoint",
          s.sandbox.endpoint().toString(), "--api-rate", "1", "--report", "json,md", "--out", out.toString()));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_"));
      env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", s.sandbox.accessKeyId());
      env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", s.sandbox.accessKeySecret());
      env.put("NO_PROXY", "127.0.0.1,localhost");
      env.put("HOME", dir.toString());
      Process child = pb.start();
      try {
        PreflightInterruptIT.Lines stdout = PreflightInterruptIT.Lines.of(child.getInputStream());
        PreflightInterruptIT.Lines stderr = PreflightInterruptIT.Lines.of(child.getErrorStream());
        // Not a terminal: a progress line every few seconds. The history alone needs 70 s at one call a second.
        assertThat(stderr.await(PROGRESS, 60_000)).as("progress line; stderr:%n%s", stderr.text()).isNotNull();

        assertThat(child.toHandle().destroy()).isTrue();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM; stderr:%n%s", stderr.text()).isTrue();
        stdout.join();
        stderr.join();

        assertThat(child.exitValue()).as(stderr.text()).isEqualTo(2);
        String all = stdout.text() + stderr.text();
        assertThat(all).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(s.sandbox.accessKeySecret());
        JsonNode report;
        try (Stream<Path> files = Files.list(out)) {
          Path json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
          report = new ObjectMapper().readTree(json.toFile());
        }
        JsonNode interrupted = null;
        for (JsonNode e : report.path("errors")) if (e.path("code").asText().equals("Interrupted")) interrupted = e;
        assertThat(interrupted).as("marked incomplete: %s", report.path("errors")).isNotNull();
        assertThat(interrupted.path("message").asText()).contains("incomplete");
        assertThat(report.path("summary").path("verdict").asText()).isIn("error", "fail");
        // It stopped early: the history alone needs 70 s at one DescribeTaskAttribute a second.
        int exports = 0;
        for (JsonNode t : report.path("targets")) if (t.path("target").path("kind").asText().equals("export")) exports++;
        assertThat(exports).isLessThan(60);
        try (Stream<Path> files = Files.list(out)) {
          assertThat(files.filter(p -> p.toString().endsWith(".md"))).hasSize(1);
        }
      } finally {
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
