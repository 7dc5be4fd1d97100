package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Query results as OPA's ResultSet gives them: expression values and bindings, no magic variable. */
class QueryResultTest {
  private static final String POLICY = """
      package t
      p := 7
      no := false
      xs := [true, false, 3]
      f(x) := x * 2
      """;

  private static PolicySet set() throws RegoException {
    return Rego.builder().module("t.rego", POLICY).compile();
  }

  private static List<Value> values(QueryResult r) {
    return r.results().stream().map(QueryResult.Result::value).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "data.t.p                 | [7]",
      "data.t.no                | [false]",
      "1 == 2                   | [false]",
      "count(data.t.xs)         | [3]",
      "data.t.f(4)              | [8]",
      "data.t.xs[_]             | [true, 3]",
      "data.t.missing           | []",
      "data.t.no with input as 1 | [false]",
  })
  void aQueryOfOneExpressionReportsItsValueFalseIncludedUnlessItIterates(String query, String want)
      throws Exception {
    QueryResult r = set().eval(query, null);
    assertThat(values(r)).containsExactlyElementsOf(((io.exportguard.rego.value.ArrayValue) Json.parse(want)).items());
    r.results().forEach(res -> assertThat(res.bindings()).isEmpty());
  }

  @Test
  void everyExpressionHasItsValueTextAndPlaceAndTheBindingsAreTheNamedVariables() throws Exception {
    QueryResult r = set().eval("x := data.t.p; y := x + 1\ndata.t.f(y); y > x; not data.t.no; _ = 1", null);
    assertThat(r.results()).hasSize(1);
    QueryResult.Result res = r.results().get(0);
    assertThat(res.expressions()).extracting(QueryResult.ExpressionValue::text)
        .containsExactly("x := data.t.p", "y := x + 1", "data.t.f(y)", "y > x", "not data.t.no", "_ = 1");
    assertThat(res.expressions()).extracting(e -> e.value().toJson())
        .containsExactly("true", "true", "16", "true", "true", "true");
    assertThat(res.expressions().get(2).line()).isEqualTo(2);
    assertThat(res.expressions().get(2).column()).isEqualTo(1);
    assertThat(res.bindings().keySet()).containsExactly("x", "y");
    assertThat(res.binding("y")).isEqualTo(Json.parse("8"));
    assertThat(r.value()).isEqualTo(BooleanValue.TRUE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "data.t.yes               | true",
      "data.t.no                | false",
      "data.t.missing           | false",
      "data.t.p                 | false",
      "data.t.xs[_]             | false",
      "x := data.t.yes          | false",
      "data.t.yes; data.t.yes   | false",
  })
  void allowedIsTrueOnlyForASingleTrueValueLikeOpas(String query, boolean want) throws Exception {
    PolicySet ps = Rego.builder().module("t.rego", POLICY + "yes := true\n").compile();
    assertThat(ps.eval(query, null).allowed()).isEqualTo(want);
  }

  @Test
  void inALongerQueryAFalseExpressionFailsTheQuery() throws Exception {
    assertThat(set().eval("x := 1; data.t.no", null).defined()).isFalse();
    assertThat(set().eval("x := 1; 1 == 2", null).defined()).isFalse();
    QueryResult r = set().eval("v := data.t.xs[i]; v", null);
    assertThat(r.results()).extracting(res -> res.binding("i").toJson()).containsExactly("0", "2");
  }

  @Test
  void printedLinesAreCollectedOrSentToTheHook() throws Exception {
    PolicySet ps = Rego.builder().module("p.rego", "package p\nq if { print(\"hello\", input) }\n").compile();
    assertThat(ps.eval("data.p.q", Json.parse("1")).printed()).containsExactly("hello 1");
    List<String> seen = new java.util.ArrayList<>();
    QueryResult r = ps.eval("data.p.q", Json.parse("2"), EvalOptions.DEFAULT.withPrintHook(seen::add));
    assertThat(r.printed()).isEmpty();
    assertThat(seen).containsExactly("hello 2");
  }
}
