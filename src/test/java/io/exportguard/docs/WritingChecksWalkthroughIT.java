package io.exportguard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/writing-checks.md, step by step: every {@code file=} block is written and every
 * {@code exit=} command is run, in page order, in an empty folder with the built jar, as a newcomer
 * would. The page's claims about what the steps show are checked too.
 */
class WritingChecksWalkthroughIT {
  private static final Path PAGE = Path.of("docs", "writing-checks.md");

  @Test
  void theWalkthroughRunsAsWritten(@TempDir Path work) throws Exception {
    List<DocsBlocks.Block> steps = DocsBlocks.of(PAGE).steps();
    assertThat(steps).as("steps in %s", PAGE).hasSizeGreaterThanOrEqualTo(8);
    int commands = 0;
    String lastOut = "";
    for (DocsBlocks.Block step : steps) {
      if (step.attributes().containsKey("file")) {
        Path file = work.resolve(step.attributes().get("file"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, step.body());
        continue;
      }
      commands++;
      String command = step.body().replace("\\\n", " ").trim();
      int expected = Integer.parseInt(step.attributes().get("exit"));
      Result r = run(work, command);
      assertThat(r.code).as("'%s' (step %d)%nstdout:%n%s%nstderr:%n%s", command, commands, r.out, r.err)
          .isEqualTo(expected);
      assertThat(r.err).as("no warnings or errors in a clean walk-through").doesNotContain("warning")
          .doesNotContain("Exception");
      lastOut = r.out;
      if (command.contains("policy test")) assertThat(r.out).contains("3 passed, 0 failed");
      if (command.contains("--out baseline")) {
        assertThat(r.out).contains("WAIVED").contains("waived until 2099-12-31 by platform-team");
      }
      if (command.contains("--report console,json") && expected == 1) {
        assertThat(r.out).contains("ACME-001").contains("image m-bp1demo0001 has no \"owner\" tag")
            .contains("fix: aliyun ecs AddTags");
        JsonNode check = acme(work.resolve("reports"));
        assertThat(check.path("status").asText()).isEqualTo("fail");
        assertThat(check.path("policyFile").asText()).endsWith("my-checks/exportguard/acme/owner_tag.rego");
      }
    }
    assertThat(commands).isEqualTo(7);
    assertThat(lastOut).startsWith("PASS").contains("[fixed]").contains("ACME-001");
  }

  private static JsonNode acme(Path reports) throws Exception {
    try (var files = Files.list(reports)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (JsonNode c : new ObjectMapper().readTree(f.toFile()).path("checks")) {
          if (c.path("id").asText().equals("ACME-001")) return c;
        }
      }
    }
    throw new AssertionError("no report with ACME-001 in " + reports);
  }

  record Result(int code, String out, String err) {}

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Runs {@code exportguard ARGS} from the page (bin/exportguard) with the built jar (or classes). */
  private static Result run(Path work, String command) throws Exception {
    String prefix = "exportguard ";
    assertThat(command).startsWith(prefix);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    Path jar = Path.of("target", "exportguard.jar").toAbsolutePath();
    if (Files.isRegularFile(jar)) {
      cmd.addAll(List.of("-jar", jar.toString()));
    } else {
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }
    // Through a shell, as a reader runs it (globs such as baseline/*.json expand).
    String line = String.join(" ", cmd.stream().map(WritingChecksWalkthroughIT::quote).toList()) + " "
        + command.substring(prefix.length()).trim();
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(work.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("EXPORTGUARD_"));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
