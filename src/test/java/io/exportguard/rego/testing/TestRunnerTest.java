package io.exportguard.rego.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.testing.TestResult.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** opa test's discovery, verdicts and explanations, on the real engine. */
class TestRunnerTest {
  private static final String POLICY = """
      package demo

      deny contains msg if {
      	input.size > 10
      	msg := "too big"
      }

      test_not_in_a_test_file if false
      """;

  private static final String TESTS = """
      package demo_test

      import data.demo as checks

      big := {"size": 11}

      test_multi_line if {
      	findings := checks.deny with input as big
      	some f in findings # iterate
      	n := count([x |
      		some x in [1, 2]
      	])
      	f == "too small"
      }

      test_one_liner if count(checks.deny) == 3 with input as big

      test_false := false if {
      	true
      }

      test_passes if {
      	print("size", big.size)
      	count(checks.deny) == 1 with input as big
      }

      test_error if {
      	x := 1 / 0
      }

      todo_test_later if false

      helper if true

      test_passes if true
      """;

  private static PolicySet policies() throws Exception {
    return Rego.builder().module("demo.rego", POLICY).module("demo_test.rego", TESTS).compile();
  }

  private static TestSummary run(String regex) throws Exception {
    return TestRunner.run(policies(), TestRunner.nameFilter(regex), EvalOptions.DEFAULT.withStrictBuiltinErrors(true));
  }

  private static TestResult result(TestSummary s, String rule) {
    return s.results().stream().filter(r -> r.name().equals("data.demo_test." + rule)).findFirst().orElseThrow();
  }

  @Test
  void discoversTheTestRulesOfTestFilesOnceEachAndJudgesThem() throws Exception {
    TestSummary s = run(null);
    assertThat(s.results()).extracting(TestResult::name, TestResult::outcome).containsExactly(
        tuple("data.demo_test.test_multi_line", Outcome.FAIL),
        tuple("data.demo_test.test_one_liner", Outcome.FAIL),
        tuple("data.demo_test.test_false", Outcome.FAIL),
        tuple("data.demo_test.test_passes", Outcome.PASS),
        tuple("data.demo_test.test_error", Outcome.ERROR),
        tuple("data.demo_test.todo_test_later", Outcome.SKIP));
    assertThat(s.line()).isEqualTo("1 passed, 4 failed, 1 skipped");
    assertThat(result(s, "test_false").detail()).isEqualTo("value false (a test passes only with true)");
    assertThat(result(s, "test_error").detail()).startsWith("demo_test.rego:28:2: eval_builtin_error").contains("div: divide by zero");
    assertThat(result(s, "test_passes").printed()).containsExactly("size 11");
  }

  @Test
  void theFilterIsAGoRegularExpressionOverTheFullName() throws Exception {
    assertThat(run("demo_test\\.test_(one|pass)").results()).extracting(TestResult::name)
        .containsExactly("data.demo_test.test_one_liner", "data.demo_test.test_passes");
    assertThatThrownBy(() -> TestRunner.nameFilter("(")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing closing )");
  }

  @Test
  void aFailureNamesTheFirstFailingExpressionAndTheValuesBoundBeforeIt() throws Exception {
    assertThat(result(run(null), "test_multi_line").explanation()).containsExactly(
        "first failing expression, line 13: f == \"too small\"",
        "  f = \"too big\"",
        "  findings = {\"too big\"}",
        "  n = 2");
    assertThat(result(run(null), "test_one_liner").explanation())
        .containsExactly("first failing expression, line 16: count(checks.deny) == 3 with input as big");
  }

  @Test
  void aTestWhoseBodyHoldsButIsFalseHasNoExplanation() throws Exception {
    assertThat(result(run(null), "test_false").explanation()).isEmpty();
  }

  @Test
  void theReportShowsWhereWhyWhatWasPrintedAndTheRuleSource() throws Exception {
    StringWriter buf = new StringWriter();
    TestReport.print(run("multi|error|passes|later"), new PrintWriter(buf));
    String out = buf.toString();
    assertThat(out).contains("PASS  data.demo_test.test_passes\n");
    assertThat(out).contains("FAIL  data.demo_test.test_multi_line\n      at demo_test.rego:7\n      undefined\n"
        + "      first failing expression, line 13: f == \"too small\"\n");
    assertThat(out).contains("      | test_multi_line if {\n      |     findings := checks.deny with input as big\n");
    assertThat(out).contains("      |     f == \"too small\"\n      | }\n");
    assertThat(out).contains("ERROR data.demo_test.test_error\n      at demo_test.rego:27\n");
    assertThat(out).contains("SKIP  data.demo_test.todo_test_later\n");
    assertThat(out).doesNotContain("| test_passes");
    assertThat(out.strip()).endsWith("1 passed, 2 failed, 1 skipped");
  }

  @Test
  void ruleSourceStopsAtTheClosingBraceOrAfterAOneLiner() {
    String[] lines = {"a if true", "b if {", "  x", "}", "c if {", "  y"};
    assertThat(TestRunner.ruleSource(lines, 1)).containsExactly("a if true");
    assertThat(TestRunner.ruleSource(lines, 2)).containsExactly("b if {", "  x", "}");
    assertThat(TestRunner.ruleSource(lines, 5)).containsExactly("c if {", "  y");
    assertThat(List.of(TestRunner.ruleSource(new String[] {"d if {", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
        "11", "12", "13", "14", "15"}, 1)).get(0)).hasSize(15).endsWith("...");
  }
}
