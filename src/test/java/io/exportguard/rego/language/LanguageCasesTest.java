package io.exportguard.rego.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.conformance.CaseFiles;
import io.exportguard.rego.conformance.CaseOutcome;
import io.exportguard.rego.conformance.CaseRunner;
import io.exportguard.rego.conformance.TestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance-format case under {@code src/test/resources/rego/language} (template strings,
 * and/or/not, keywords in refs, imports, Rego v0) passes: one test per case, named by its note.
 */
class LanguageCasesTest {
  private static final Path ROOT = Path.of("src", "test", "resources", "rego", "language");
  private static final CaseRunner RUNNER = new CaseRunner(Duration.ofSeconds(10));

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path file : CaseFiles.find(ROOT)) {
      for (TestCase c : CaseFiles.read(file, ROOT.relativize(file).getParent().toString())) {
        out.add(Arguments.of(c.note(), c));
      }
    }
    assertThat(out).as("language cases under %s", ROOT).hasSizeGreaterThan(50);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passes(String note, TestCase c) {
    CaseOutcome outcome = RUNNER.run(c);
    assertThat(outcome.status()).as("%s: %s", note, outcome.reason()).isEqualTo(CaseOutcome.Status.PASSED);
  }
}
