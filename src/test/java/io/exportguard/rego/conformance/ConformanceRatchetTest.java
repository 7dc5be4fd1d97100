package io.exportguard.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs OPA's conformance cases (kept outside the repository, in ../shared) and fails when fewer
 * pass than the count checked in beside this test: raise the count as the engine improves.
 */
class ConformanceRatchetTest {
  private static final Path CASES = Path.of("..", "shared", "conformance", "opa");

  @Test
  void passingCasesNeverDropBelowTheCheckedInCount() throws Exception {
    if (!Files.isDirectory(CASES)) {
      if ("true".equals(System.getenv("CI"))) fail("OPA conformance cases missing at " + CASES.toAbsolutePath());
      assumeTrue(false, "OPA conformance cases not found at " + CASES.toAbsolutePath() + "; skipping the ratchet");
    }
    long started = System.nanoTime();
    RunReport report = new CaseRunner(Duration.ofSeconds(10)).runAll(List.of(CASES));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    StringWriter table = new StringWriter();
    report.print(new PrintWriter(table));
    System.out.println(table);

    long floor = checkedInCount();
    assertThat(report.passed())
        .as("passing conformance cases (floor %d); report:%n%s", floor, table)
        .isGreaterThanOrEqualTo(floor);
    assertThat(took).as("whole conformance run").isLessThan(Duration.ofSeconds(60));
  }

  private static long checkedInCount() throws Exception {
    try (InputStream in = ConformanceRatchetTest.class.getResourceAsStream("passing-count.txt")) {
      assertThat(in).as("passing-count.txt beside the test").isNotNull();
      return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }
}
