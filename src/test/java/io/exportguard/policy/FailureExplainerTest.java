package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replaying a failed test's body on the embedded engine to find the failing expression and its values. */
class FailureExplainerTest {
  private static final String POLICY = """
      package demo

      deny contains msg if {
      	input.size > 10
      	msg := "too big"
      }
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

      test_passes_as_query_but_rule_is_false := false if {
      	true
      }
      """;

  private static List<String> explain(int line) throws Exception {
    PolicySet set = Rego.compile(List.of(new RegoModule("demo.rego", POLICY), new RegoModule("demo_test.rego", TESTS)),
        Json.parse("{}"));
    return FailureExplainer.explain(set, TESTS, line, "demo_test",
        Set.of("big", "test_multi_line", "test_one_liner", "test_passes_as_query_but_rule_is_false"));
  }

  @Test
  void namesTheFirstFailingExpressionAndTheValuesBeforeIt() throws Exception {
    assertThat(explain(7)).containsExactly(
        "first failing expression, line 13: f == \"too small\"",
        "  f = \"too big\"",
        "  findings = {\"too big\"}",
        "  n = 2");
  }

  @Test
  void explainsOneLiners() throws Exception {
    assertThat(explain(16)).containsExactly("first failing expression, line 16: count(checks.deny) == 3 with input as big");
  }

  @Test
  void saysNothingWhenTheBodyHolds() throws Exception {
    assertThat(explain(18)).isEmpty();
  }

  @Test
  void rewritesAliasesButNotFieldsStringsOrKeys() {
    Map<String, String> refs = Map.of("checks", "data.demo", "big", "data.demo_test.big");
    assertThat(FailureExplainer.rewrite("count(checks.deny) == 0 with input as big", refs))
        .isEqualTo("count(data.demo.deny) == 0 with input as data.demo_test.big");
    assertThat(FailureExplainer.rewrite("x.big == \"big checks\"", refs)).isEqualTo("x.big == \"big checks\"");
  }

  @Test
  void valuesArePrintedTheRegoWay() throws Exception {
    PolicySet set = Rego.compile(List.of(new RegoModule("demo.rego", POLICY)), Json.parse("{}"));
    assertThat(FailureExplainer.regoText(set, Json.parse("{\"a\": [1, \"b\"]}"))).isEqualTo("{\"a\": [1, \"b\"]}");
    assertThat(FailureExplainer.regoText(set, io.exportguard.rego.value.SetValue.EMPTY)).isEqualTo("set()");
    assertThat(FailureExplainer.regoText(set, io.exportguard.rego.value.SetValue.of(Json.parse("1"), Json.parse("2"))))
        .isEqualTo("{1, 2}");
  }
}
