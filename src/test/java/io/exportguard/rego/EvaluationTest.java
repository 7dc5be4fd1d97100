package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several queries over one input in one {@link Evaluation}: the same answers, shared work, per-query bounds. */
class EvaluationTest {
  private static final String POLICY = """
      package t
      shared := x if {
        print("computing shared")
        x := input.n * 2
      }
      a := shared + 1
      b := shared + 2
      clash := 1 if input.n > 0
      clash := 2 if input.n > 0
      big1 := [i | some i in numbers.range(1, 60)]
      big2 := [i | some i in numbers.range(1, 60)]
      f(v) := v * shared
      deny contains msg if {
        input.n > 2
        msg := sprintf("n is %d", [input.n])
      }
      """;

  private static final List<String> QUERIES = List.of("data.t.a", "data.t.b", "data.t.f(3)", "data.t.deny",
      "data.t.shared with input.n as 10", "data.t.a", "x := data.t.b; y := x + 1", "data.t.missing");

  private static PolicySet set() throws RegoException {
    return Rego.builder().module("t.rego", POLICY).compile();
  }

  @Test
  void everyQueryGetsTheAnswerItGetsOnItsOwn() throws Exception {
    PolicySet set = set();
    Value input = Json.parse("{\"n\": 5}");
    Evaluation shared = set.evaluation(input, null);
    for (String q : QUERIES) {
      assertThat(shared.eval(q).results()).as(q).isEqualTo(set.eval(q, input).results());
    }
  }

  @Test
  void aRuleSeveralQueriesNeedIsComputedOnce() throws Exception {
    PolicySet set = set();
    Value input = Json.parse("{\"n\": 5}");
    Evaluation shared = set.evaluation(input, null);
    assertThat(shared.eval("data.t.a").printed()).hasSize(1);
    assertThat(shared.eval("data.t.b").printed()).isEmpty();
    assertThat(shared.eval("data.t.f(3)").printed()).isEmpty();
    // On its own, each query computes it again.
    assertThat(set.eval("data.t.b", input).printed()).hasSize(1);
    // Under a replaced input, nothing computed for the other input is reused.
    assertThat(shared.eval("data.t.a with input.n as 1").printed()).hasSize(1);
  }

  @Test
  void aQueryThatFailsLeavesTheOthersAsTheyWere() throws Exception {
    PolicySet set = set();
    Value input = Json.parse("{\"n\": 5}");
    Evaluation shared = set.evaluation(input, null);
    assertThat(shared.eval("data.t.a").value()).isEqualTo(Json.parse("11"));
    assertThatThrownBy(() -> shared.eval("data.t.clash")).isInstanceOf(RegoException.class)
        .hasMessageContaining("complete rules must not produce multiple outputs");
    assertThatThrownBy(() -> shared.eval("data.t.clash")).isInstanceOf(RegoException.class);
    assertThat(shared.eval("data.t.b").value()).isEqualTo(Json.parse("12"));
    assertThat(shared.eval("data.t.deny").value()).isEqualTo(set.eval("data.t.deny", input).value());
  }

  @Test
  void eachQueryHasABudgetOfItsOwn() throws Exception {
    PolicySet set = Rego.builder().module("t.rego", POLICY)
        .options(EvalOptions.DEFAULT.withBudget(new EvalBudget(200, 1_000_000))).compile();
    Value input = Json.parse("{\"n\": 5}");
    Evaluation shared = set.evaluation(input, null);
    // Each builds about 120 elements: within the budget of 200 alone, over it if they were counted together.
    assertThat(shared.eval("data.t.big1").value()).isNotNull();
    assertThat(shared.eval("data.t.big2").value()).isNotNull();
    assertThatThrownBy(() -> shared.eval("[data.t.big1, data.t.big2, [i | some i in numbers.range(1, 130)]]"))
        .isInstanceOf(RegoException.class).hasMessageContaining("budget");
  }
}
