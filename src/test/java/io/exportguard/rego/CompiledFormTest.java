package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Rego.Builder#compiledForm}: loaded only for the very modules it was made from, else ignored. */
class CompiledFormTest {
  static final String LIMITS = """
      package app.limits
      import rego.v1

      # METADATA
      # title: too many
      deny contains msg if {
        some x in input.items
        x.n > data.app.max
        msg := sprintf("%s has %d", [x.name, x.n])
      }

      total := sum([x.n | some x in input.items])
      big(x) := x.n > 10
      bigs := {x.name | some x in input.items; big(x)}
      """;
  static final String NAMES = """
      package app.names
      import rego.v1

      default ok := false
      ok if every x in input.items { regex.match(`^[a-z]+$`, x.name) }
      """;
  static final Value DATA = Json.parse("{\"app\":{\"max\":5}}");
  static final Value INPUT = Json.parse("{\"items\":[{\"name\":\"a\",\"n\":3},{\"name\":\"B\",\"n\":12}]}");

  static Rego.Builder builder(String limits) {
    return Rego.builder().module("limits.rego", limits).module("names.rego", NAMES).data(DATA);
  }

  static byte[] form() throws Exception {
    return builder(LIMITS).compile().compiledForm();
  }

  @Test
  void aFormOfTheSameModulesIsLoadedAndAnswersAsTheCompiledOnesDo() throws Exception {
    PolicySet compiled = builder(LIMITS).compile();
    PolicySet loaded = builder(LIMITS).compiledForm(form()).compile();

    assertThat(loaded.fromCompiledForm()).isTrue();
    assertThat(compiled.fromCompiledForm()).isFalse();
    assertThat(loaded.packages()).isEqualTo(compiled.packages());
    for (String query : List.of("data.app", "data.app.limits.deny", "x := data.app.limits.bigs", "data.app.names.ok")) {
      assertThat(loaded.eval(query, INPUT).toString()).as(query).isEqualTo(compiled.eval(query, INPUT).toString());
    }
    assertThat(loaded.eval("data.app.limits.deny", INPUT).toString()).contains("B has 12");
  }

  /** Every kind of plan term, expression and rule: comprehensions, with, else, every, functions, ref heads. */
  static final String KINDS = """
      package app.kinds
      import rego.v1

      default level := "low"
      level := "high" if input.n > 10
      else := "mid" if input.n > 5

      names := [x.name | some x in input.items]
      byName := {x.name: x.n | some x in input.items}
      small contains x.name if { some x in input.items; x.n < 5 }
      tags[x.name] := {"n": x.n, "big": x.n > 10} if some x in input.items
      nested.deep[x.name] contains x.n if some x in input.items
      allNamed if every i, x in input.items { i >= 0; x.name != "" }
      nothing if not any_big
      any_big if { some x in input.items; x.n > 100 }
      double(x) := y if y := x * 2
      default f(_) := "no"
      f(x) := "yes" if x == 1
      replaced := r if r := double(2) with double as triple
      shouted := u if u := upper("a") with upper as lower
      fromInput := v if v := input.n with input.n as 7
      fromData := m if m := data.app.max with data.app.max as 1
      pair := [a, b] if { a := input.n; b := count(input.items) }
      obj := {"k": input.n, input.items[0].name: 1}
      set := {input.n, 1}
      counted if count(input.items, 2)
      printed if print("n is", input.n)
      triple(x) := x * 3
      notBody if not { input.n == 0 }
      """;

  @Test
  void aLoadedFormWritesBackTheVeryBytesItWasMadeOfAndAnswersAsTheCompiledModulesDo() throws Exception {
    PolicySet compiled = builder(LIMITS).module("kinds.rego", KINDS).compile();
    List<String> prepared = List.of("data.app.kinds", "data.app.limits.deny", "x := data.app.limits.bigs",
        "data.app.kinds.double(input.n)", "data.app.kinds.f(1)", "data.app.kinds.f(input.n) with input.n as 1");
    for (String q : prepared) compiled.prepare(q);
    byte[] form = compiled.compiledForm();

    PolicySet loaded = builder(LIMITS).module("kinds.rego", KINDS).compiledForm(form).compile();
    assertThat(loaded.fromCompiledForm()).isTrue();
    assertThat(loaded.packages()).isEqualTo(compiled.packages());
    List<String> queries = new java.util.ArrayList<>(prepared);
    queries.addAll(List.of("data.app.kinds.level", "y := data.app.kinds.tags[_]", "data.app.kinds.nested.deep.a"));
    for (String query : queries) {
      assertThat(loaded.eval(query, INPUT).toString()).as(query).isEqualTo(compiled.eval(query, INPUT).toString());
    }
    assertThat(loaded.eval("data.app.kinds.replaced", INPUT).toString()).contains("6");
    // An error points at its source line, which comes from the modules given (the form holds none).
    String broken = "package app.broken\nimport rego.v1\n\nratio := 1 if input.items\nratio := 2 if input.items\n";
    byte[] withBroken = builder(LIMITS).module("broken.rego", broken).compile().compiledForm();
    PolicySet loadedBroken = builder(LIMITS).module("broken.rego", broken).compiledForm(withBroken).compile();
    assertThat(loadedBroken.fromCompiledForm()).isTrue();
    assertThatThrownBy(() -> loadedBroken.eval("data.app.broken.ratio", INPUT))
        .hasMessageContaining("broken.rego:5:1").hasMessageContaining("\nratio := 2 if input.items\n^");
    // Made again from what was loaded (the prepared queries' plans as stored, the modules decoded when asked):
    // not one byte differs, so nothing the form holds was lost or changed on the way.
    PolicySet again = builder(LIMITS).module("kinds.rego", KINDS).compiledForm(form).compile();
    for (String q : prepared) again.prepare(q);
    assertThat(again.compiledForm()).isEqualTo(form);
  }

  @Test
  void aFormOfOtherSourcesIsIgnoredAndTheModulesAreCompiled() throws Exception {
    PolicySet changed = builder(LIMITS.replace("x.n > data.app.max", "x.n > 100")).compiledForm(form()).compile();

    assertThat(changed.fromCompiledForm()).isFalse();
    assertThat(changed.eval("data.app.limits.deny", INPUT).toString()).doesNotContain("B has 12");
    assertThat(Rego.builder().module("limits.rego", LIMITS).data(DATA).compiledForm(form()).compile().fromCompiledForm())
        .as("one module fewer").isFalse();
    assertThat(builder(LIMITS).strict(true).compiledForm(form()).compile().fromCompiledForm())
        .as("strict").isFalse();
  }

  @Test
  void aFormWithCustomBuiltinsIsIgnored() throws Exception {
    CustomBuiltin shout = CustomBuiltin.of("acme.shout", "(string) => string", (ctx, args) -> args.get(0));
    assertThat(builder(LIMITS).builtin(shout).compiledForm(form()).compile().fromCompiledForm()).isFalse();
  }

  @Test
  void aDamagedFormIsIgnored() throws Exception {
    byte[] form = form();
    byte[] truncated = Arrays.copyOf(form, form.length / 2);
    byte[] flipped = form.clone();
    flipped[flipped.length - 40] ^= 0x5a;
    for (byte[] bad : List.of(truncated, flipped, new byte[0], "not a form".getBytes())) {
      PolicySet p = builder(LIMITS).compiledForm(bad).compile();
      assertThat(p.eval("data.app.limits.deny", INPUT).toString()).contains("B has 12");
    }
    assertThat(builder(LIMITS).compiledForm(truncated).compile().fromCompiledForm()).isFalse();
  }
}
