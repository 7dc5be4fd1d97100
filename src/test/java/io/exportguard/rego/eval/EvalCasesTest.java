package io.exportguard.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.conformance.CaseFiles;
import io.exportguard.rego.conformance.CaseOutcome;
import io.exportguard.rego.conformance.CaseRunner;
import io.exportguard.rego.conformance.TestCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluator's own cases, in OPA's test-case format, run through the conformance runner. */
class EvalCasesTest {
  private static final Path CASES = Path.of("src/test/resources/io/exportguard/rego/eval/cases");

  static Stream<Arguments> cases() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (Path file : CaseFiles.find(CASES)) {
      for (TestCase c : CaseFiles.read(file, file.getFileName().toString())) out.add(Arguments.of(c.note(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluatesAsOpaDoes(String note, TestCase c) {
    CaseOutcome outcome = new CaseRunner(Duration.ofSeconds(10)).run(c);
    assertThat(outcome.status()).as("%s: %s", note, outcome.reason()).isEqualTo(CaseOutcome.Status.PASSED);
  }
}
