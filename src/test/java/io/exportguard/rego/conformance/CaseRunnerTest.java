package io.exportguard.rego.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.conformance.CaseOutcome.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the runner judges outcomes: OPA's harness rules, one case each. */
class CaseRunnerTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      results compare as a set                | data.t.xs[_] = x         | want_result: [{x: 2}, {x: 1}, {x: 3}]   | PASSED
      a missing binding fails                 | data.t.xs[_] = x         | want_result: [{x: 1}, {x: 2}]           | FAILED
      empty want_result means undefined       | data.t.nope = x          | 'want_result: []'                       | PASSED
      defined is not undefined                | data.t.xs = x            | 'want_result: []'                       | FAILED
      sets compare as sorted arrays           | data.t.s = x             | want_result: [{x: [1, 2]}]              | PASSED
      sort_bindings sorts arrays              | data.t.xs = x            | 'want_result: [{x: [3, 2, 1]}]\\n    sort_bindings: true' | PASSED
      unsorted arrays differ without it       | data.t.xs = x            | want_result: [{x: [3, 2, 1]}]           | FAILED
      want_defined true                       | data.t.xs = x            | want_defined: true                      | PASSED
      want_defined false                      | data.t.nope = x          | want_defined: false                     | PASSED
      error code compares exactly             | data.t.conflict = x      | want_error_code: eval_conflict_error    | PASSED
      another code fails                      | data.t.conflict = x      | want_error_code: eval_type_error        | FAILED
      error text is a substring               | data.t.conflict = x      | 'want_error: must not produce multiple'  | PASSED
      error expected but none                 | data.t.xs = x            | want_error_code: eval_conflict_error    | FAILED
      strict builtin errors are errors        | data.t.bad = x           | 'want_error_code: eval_type_error\\n    strict_error: true' | PASSED
      builtin errors are undefined otherwise  | data.t.bad = x           | 'want_result: []'                       | PASSED
      """)
  void judgesLikeOpasHarness(String name, String query, String want, Status expected) throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, """
        cases:
          - note: t/%s
            modules:
              - |
                package t
                xs := [1, 2, 3]
                s := {2, 1}
                conflict := x if { some x in [1, 2] }
                bad := x if { x := 1 + json.unmarshal(`"a"`) }
            query: %s
            %s
        """.formatted(name, query, want.replace("\\n", "\n")));
    List<TestCase> cases = CaseFiles.read(file, "t");
    CaseOutcome outcome = new CaseRunner(Duration.ofSeconds(5)).run(cases.get(0));
    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(expected);
  }
}
