package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;

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
