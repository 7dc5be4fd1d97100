package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy evaluation obeys --timeout (for all checks together) and the evaluation budget: a slow or
 * memory-hungry policy ends in exit 2 with the reason in the report, never a hang, an
 * OutOfMemoryError or a stack trace.
 */
class EvaluationBoundsTest {
  @TempDir Path dir;

  Path pack(String name, String... bodies) throws IOException {
    Path root = dir.resolve(name);
    for (int i = 0; i < bodies.length; i++) {
      Path d = Files.createDirectories(root.resolve("exportguard/bounds"));
      Files.writeString(d.resolve("c" + i + ".rego"), """
          # METADATA
          # scope: package
          # title: bounded %d
          # custom:
          #   id: EG-BOUND-00%d
          #   severity: high
          package exportguard.bounds.c%d

          deny contains "unreachable" if {
          %s
          }
          """.formatted(i, i, i, bodies[i]));
    }
    return root;
  }

  Path facts() throws IOException {
    return Files.writeString(dir.resolve("facts.json"), """
        {"schema":"exportguard.facts/v1","request":{"regionId":"cn-hangzhou","imageId":"m-1","ossBucket":"b"}}""");
  }

  JsonNode report(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return new ObjectMapper().readTree(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow()
          .toFile());
    }
  }

  static final String SLOW = """
        r := numbers.range(1, 1000)
        some x in r
        some y in r
        some z in r
        x + y + z < 0""";

  @Test
  void evalStopsEvaluatingAtItsTimeoutForAllChecksTogether() throws Exception {
    Path out = dir.resolve("out");
    long t0 = System.nanoTime();
    Cli r = Cli.run("eval", "--facts", facts().toString(), "--no-default-policies", "--policies",
        pack("slow", SLOW, SLOW).toString(), "--timeout", "1s", "--report", "json", "--out", out.toString());
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(millis).isLessThan(15_000); // 10^9 steps per check without the bound
    JsonNode checks = report(out).path("checks");
    assertThat(checks.get(0).path("status").asText()).isEqualTo("error");
    assertThat(checks.get(0).path("findings").toString()).contains("eval_cancel_error");
    assertThat(checks.get(1).path("status").asText()).isEqualTo("error");
    assertThat(checks.get(1).path("findings").toString()).contains("took longer than the timeout of 1000 ms");
  }

  @Test
  void preflightEvaluatesWithinItsTimeout() throws Exception {
    Path out = dir.resolve("out");
    Cli r = Cli.run("preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--no-default-policies", "--policies", pack("slow", SLOW).toString(),
        "--timeout", "3s", "--report", "json", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(report(out).path("checks").get(0).path("findings").toString()).contains("eval_cancel_error");
  }

  @Test
  void aPolicyBuildingHugeCollectionsEndsInACleanErrorWithTheReason() throws Exception {
    Path out = dir.resolve("out");
    Cli r = Cli.run("eval", "--facts", facts().toString(), "--no-default-policies", "--policies", pack("huge", """
          r := numbers.range(1, 10000)
          count([[x, y] | some x in r; some y in r]) > 0""", """
          s0 := "xxxxxxxxxxxxxxxx"
          s1 := concat("", [s0, s0, s0, s0, s0, s0, s0, s0, s0, s0, s0, s0, s0, s0, s0, s0])
          s2 := concat("", [s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1, s1])
          s3 := concat("", [s2, s2, s2, s2, s2, s2, s2, s2, s2, s2, s2, s2, s2, s2, s2, s2])
          s4 := concat("", [s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3, s3])
          s5 := concat("", [s4, s4, s4, s4, s4, s4, s4, s4, s4, s4, s4, s4, s4, s4, s4, s4])
          s6 := concat("", [s5, s5, s5, s5, s5, s5, s5, s5, s5, s5, s5, s5, s5, s5, s5, s5])
          s7 := concat("", [s6, s6, s6, s6, s6, s6, s6, s6, s6, s6, s6, s6, s6, s6, s6, s6])
          count(s7) > 0""").toString(), "--report", "json,console", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    JsonNode checks = report(out).path("checks");
    assertThat(checks.get(0).path("findings").toString()).contains("eval_budget_error")
        .contains("more than 2000000 collection elements");
    assertThat(checks.get(1).path("findings").toString()).contains("eval_budget_error")
        .contains("more than 100000000 string characters");
    assertThat(r.out()).contains("eval_budget_error");
  }
}
