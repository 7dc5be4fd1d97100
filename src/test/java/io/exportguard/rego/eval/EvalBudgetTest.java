package io.exportguard.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.EvalBudget;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.Value;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The evaluation budget counted exactly, with small budgets (budget.yaml has the default one at work). */
class EvalBudgetTest {
  static final EvalOptions THOUSAND = EvalOptions.DEFAULT.withBudget(new EvalBudget(1_000, 10_000));

  static PolicySet compile(String body) throws RegoException {
    return Rego.compile(List.of(new RegoModule("budget.rego", "package t\n\n" + body + "\n")), null);
  }

  static Value p(String body, EvalOptions options) throws RegoException {
    return compile(body).eval("data.t.p", null, options).value();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "p := count([x | some x in numbers.range(1, 600)] | [x | some x in numbers.range(1, 600)])",
      "p := count({x | some x in numbers.range(1, 600)} | {x | some x in numbers.range(601, 1200)})",
      "r := numbers.range(1, 40)\npairs contains [x, y] if { some x in r; some y in r }\np := count(pairs)",
      "r := numbers.range(1, 40)\nobj[sprintf(\"%d/%d\", [x, y])] := 1 if { some x in r; some y in r }\np := count(obj)",
      "p := count({sprintf(\"%d\", [x * y]): 1 | some x in numbers.range(1, 40); some y in numbers.range(1, 40)})",
      "p := count([[x + y | some y in numbers.range(1, 40)] | some x in numbers.range(1, 40)])",
      "row(x) := [x * y | some y in numbers.range(1, 40)]\np := count({row(x) | some x in numbers.range(1, 40)})",
      "p := count([numbers.range(1, 400) | some i in numbers.range(1, 3)])",
      "p := count(numbers.range(1, 1001))",
      "p := count(array.concat(numbers.range(1, 600), numbers.range(1, 600)))",
      "p := count(concat(\"\", [x | some i in numbers.range(1, 900); x := \"abcdefghijklmnop\"]))",
  })
  void whatAQueryBuildsIsCountedAcrossItsRulesComprehensionsFunctionsAndBuiltins(String body) {
    assertThatThrownBy(() -> p(body, THOUSAND)).isInstanceOfSatisfying(RegoException.class, e -> {
      assertThat(e.errors().get(0).code()).isEqualTo("eval_budget_error");
      assertThat(e.errors().get(0).file()).isEqualTo("budget.rego");
      assertThat(e.errors().get(0).line()).isPositive();
    });
  }

  @Test
  void withinTheBudgetNothingChanges() throws RegoException {
    // 400 from the range, 400 from the comprehension.
    assertThat(p("p := count([x | some x in numbers.range(1, 400)])", THOUSAND)).isEqualTo(NumberValue.of(400));
  }

  @Test
  void theBudgetIsPerQuery() throws RegoException {
    PolicySet set = compile("p := count([x | some x in numbers.range(1, 400)])");
    for (int i = 0; i < 5; i++) assertThat(set.eval("data.t.p", null, THOUSAND).defined()).isTrue();
  }

  @Test
  void unlimitedMeansOnlyTheHeapBounds() throws RegoException {
    assertThat(p("p := count(numbers.range(1, 3000000))", EvalOptions.DEFAULT.withBudget(EvalBudget.UNLIMITED)))
        .isEqualTo(NumberValue.of(3_000_000));
  }

  @Test
  void theMessageSaysWhichBudgetAndWhere() {
    assertThatThrownBy(() -> p("p := count(numbers.range(1, 5000))", THOUSAND)).hasMessageContaining(
        "budget.rego:3:").hasMessageContaining("eval_budget_error: evaluation budget exceeded: the query would build "
            + "more than 1000 collection elements");
    assertThatThrownBy(() -> p("p := sprintf(\"%20000d\", [1])", THOUSAND))
        .hasMessageContaining("more than 10000 string characters");
  }

  @Test
  void printCountsTowardsTheBudget() {
    String hundred = "0123456789".repeat(10);
    // 150 lines of about 100 characters: beyond 10,000 characters, while the elements stay at 150.
    assertThatThrownBy(() -> compile("p := [i | some i in numbers.range(1, 150); print(\"" + hundred + "\", i)]")
        .eval("data.t.p", null, THOUSAND)).hasMessageContaining("eval_budget_error");
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThatThrownBy(() -> new EvalBudget(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
