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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs OPA's conformance cases (kept outside the repository, in ../shared/conformance/SET) and fails
 * when fewer pass than the count checked in beside this test for that set: raise the count as the
 * engine improves.
 */
class ConformanceRatchetTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"opa, passing-count.txt", "opa-next, passing-count-opa-next.txt"})
  void passingCasesNeverDropBelowTheCheckedInCount(String set, String countFile) throws Exception {
    Path cases = Path.of("..", "shared", "conformance", set);
    if (!Files.isDirectory(cases)) {
      if ("true".equals(System.getenv("CI"))) fail("OPA conformance cases missing at " + cases.toAbsolutePath());
      assumeTrue(false, "OPA conformance cases not found at " + cases.toAbsolutePath() + "; skipping the ratchet");
    }
    long started = System.nanoTime();
    RunReport report = new CaseRunner(Duration.ofSeconds(10)).runAll(List.of(cases));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    StringWriter table = new StringWriter();
    report.print(new PrintWriter(table));
    System.out.println(table);

    long floor = checkedInCount(countFile);
    assertThat(report.passed())
        .as("passing %s conformance cases (floor %d); report:%n%s", set, floor, table)
        .isGreaterThanOrEqualTo(floor);
    assertThat(took).as("whole %s conformance run", set).isLessThan(Duration.ofSeconds(60));
  }

  private static long checkedInCount(String file) throws Exception {
    try (InputStream in = ConformanceRatchetTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file + " beside the test").isNotNull();
      return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }
}
