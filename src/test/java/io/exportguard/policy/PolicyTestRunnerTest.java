package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.policy.PolicyTestRunner.Outcome;
import io.exportguard.policy.PolicyTestRunner.Summary;
import io.exportguard.policy.PolicyTestRunner.TestResult;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.PackageInfo.RuleInfo;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's discovery, verdicts and output, over a stand-in policy set (the engine is tested on its own). */
class PolicyTestRunnerTest {

  /** Answers queries from a table: a value, null for undefined, or an exception. */
  private record FakeSet(List<PackageInfo> packages, Map<String, Object> answers, List<String> asked) implements PolicySet {
    @Override
    public QueryResult eval(String query, Value input, EvalOptions options) throws RegoException {
      asked.add(query);
      Object a = answers.get(query);
      if (a instanceof RegoException e) throw e;
      if (a == null) return new QueryResult(List.of(), List.of("printed " + query));
      return new QueryResult(List.of(new QueryResult.Result(
          List.of(new QueryResult.ExpressionValue((Value) a, query, 1, 1)), Map.of())), List.of());
    }
  }

  private static RuleInfo rule(String name, String file, int line) { return new RuleInfo(name, file, line, List.of()); }

  private static final String TEST_FILE = "p/a_test.rego";

  private static FakeSet fake(Map<String, Object> answers) {
    PackageInfo tests = new PackageInfo("a_test", List.of(TEST_FILE), List.of(), List.of(
        rule("test_ok", TEST_FILE, 3),
        rule("test_undefined", TEST_FILE, 7),
        rule("test_ok", TEST_FILE, 11),          // a second definition of the same test: run once
        rule("helper", TEST_FILE, 15),
        rule("test_false", TEST_FILE, 17),
        rule("test_error", TEST_FILE, 19),
        rule("todo_test_later", TEST_FILE, 21)));
    PackageInfo policy = new PackageInfo("a", List.of("p/a.rego"), List.of(), List.of(rule("test_not_a_test_file", "p/a.rego", 3)));
    return new FakeSet(List.of(policy, tests), answers, new ArrayList<>());
  }

  private static Map<String, Object> answers() {
    return Map.of(
        "data.a_test.test_ok", BooleanValue.TRUE,
        "data.a_test.test_false", BooleanValue.FALSE,
        "data.a_test.test_error", new RegoException(new RegoError("eval_type_error", "count: operand 1 must be one of {array, object, set, string} but got number", TEST_FILE, 19, 2, null)));
  }

  @Test
  void discoversTestRulesOfTestFilesOnlyAndJudgesEach() {
    FakeSet set = fake(answers());
    Summary s = PolicyTestRunner.run(set, Map.of(), n -> true, EvalOptions.DEFAULT);
    assertThat(s.results()).extracting(TestResult::name, TestResult::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("data.a_test.test_ok", Outcome.PASS),
        org.assertj.core.groups.Tuple.tuple("data.a_test.test_undefined", Outcome.FAIL),
        org.assertj.core.groups.Tuple.tuple("data.a_test.test_false", Outcome.FAIL),
        org.assertj.core.groups.Tuple.tuple("data.a_test.test_error", Outcome.ERROR),
        org.assertj.core.groups.Tuple.tuple("data.a_test.todo_test_later", Outcome.SKIP));
    assertThat(set.asked()).doesNotContain("data.a.test_not_a_test_file", "data.a_test.todo_test_later");
    assertThat(s.line()).isEqualTo("1 passed, 3 failed, 1 skipped");
    assertThat(s.results().get(2).detail()).contains("false");
    assertThat(s.results().get(3).detail()).startsWith("p/a_test.rego:19:2: eval_type_error");
  }

  @Test
  void filterSelectsByFullName() {
    FakeSet set = fake(answers());
    Summary s = PolicyTestRunner.run(set, Map.of(), PolicyTestRunner.filter("test_ok$"), EvalOptions.DEFAULT);
    assertThat(s.results()).extracting(TestResult::name).containsExactly("data.a_test.test_ok");
    assertThat(s.line()).isEqualTo("1 passed, 0 failed");
  }

  @Test
  void failuresShowLocationReasonPrintsAndRuleSource() {
    Summary s = PolicyTestRunner.run(fake(answers()), Map.of(), n -> true, EvalOptions.DEFAULT);
    String source = String.join("\n",
        "package a_test", "", "test_ok if true", "", "", "",
        "test_undefined if {", "\tx := count([1, 2])", "\tx == 3", "}", "");
    StringWriter buf = new StringWriter();
    PolicyTestRunner.print(s, Map.of(TEST_FILE, source), new PrintWriter(buf));
    String out = buf.toString();
    assertThat(out).contains("PASS  data.a_test.test_ok\n");
    assertThat(out).contains("FAIL  data.a_test.test_undefined\n      at p/a_test.rego:7\n      undefined\n"
        + "      print: printed data.a_test.test_undefined\n"
        + "      | test_undefined if {\n      |     x := count([1, 2])\n      |     x == 3\n      | }\n");
    assertThat(out).contains("ERROR data.a_test.test_error");
    assertThat(out).doesNotContain("| test_ok");
    assertThat(out.strip()).endsWith("1 passed, 3 failed, 1 skipped");
  }

  @Test
  void ruleSourceStopsAtTheClosingBraceOrAfterAOneLiner() {
    String[] lines = {"a if true", "b if {", "  x", "}", "c if {", "  y"};
    assertThat(PolicyTestRunner.ruleSource(lines, 1)).containsExactly("a if true");
    assertThat(PolicyTestRunner.ruleSource(lines, 2)).containsExactly("b if {", "  x", "}");
    assertThat(PolicyTestRunner.ruleSource(lines, 5)).containsExactly("c if {", "  y");
  }

  @Test
  void missingDirectoryIsALoadErrorWithExitTwo() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PolicyTestRunner.execute(List.of(Path.of("no/such/dir")), null, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("exportguard: no/such/dir: no such file or directory" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void invalidRunPatternIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = PolicyTestRunner.execute(List.of(), "(", new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--run");
  }

  @Test
  void nonBooleanValueFails() {
    PackageInfo pkg = new PackageInfo("t", List.of("t_test.rego"), List.of(), List.of(rule("test_x", "t_test.rego", 1)));
    FakeSet set = new FakeSet(List.of(pkg), Map.of("data.t.test_x", Json.parse("[1]")), new ArrayList<>());
    Summary s = PolicyTestRunner.run(set, Map.of(), n -> true, EvalOptions.DEFAULT);
    assertThat(s.results().get(0).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(s.results().get(0).detail()).contains("[1]");
  }
}
