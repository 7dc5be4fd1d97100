package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTest {
  private final BuiltinRegistry registry = BuiltinRegistry.standard();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "count            | 1 | (any<string, array[any], object[any: any], set[any]>) => number",
      "glob.match       | 3 | (string, any<null, array[string]>, string) => boolean",
      "json.marshal_with_options | 2 | (any, object<indent: string, prefix: string, pretty: boolean>[string: any]) => string",
      "time.now_ns      | 0 | () => number",
      "walk             | 1 | (any) => array<array[any], any>",
      "print            | -1 | (any...)",
  })
  void declaresSignaturesInOpaNotation(String name, int arity, String signature) {
    BuiltinDecl d = registry.lookup(name).orElseThrow();
    assertThat(d.arity()).isEqualTo(arity);
    assertThat(d.type()).hasToString(signature);
  }

  @Test
  void flagsDeprecatedNondeterministicAndRelation() {
    for (String n : new String[] {"all", "any", "re_match", "set_diff", "net.cidr_overlap", "cast_array",
        "cast_set", "cast_string", "cast_boolean", "cast_null", "cast_object"}) {
      assertThat(registry.lookup(n).orElseThrow().deprecated()).as(n).isTrue();
    }
    for (String n : new String[] {"time.now_ns", "rand.intn", "http.send", "net.lookup_ip_addr", "uuid.rfc4122",
        "opa.runtime", "io.jwt.decode_verify"}) {
      assertThat(registry.lookup(n).orElseThrow().nondeterministic()).as(n).isTrue();
    }
    assertThat(registry.lookup("walk").orElseThrow().relation()).isTrue();
    assertThat(registry.lookup("count").orElseThrow().deprecated()).isFalse();
    assertThat(registry.all()).hasSizeGreaterThan(190);
  }

  @Test
  void typesAcceptWhatOpaUnifies() {
    BuiltinType want = BuiltinType.parse("any<string, array[any], object[any: any], set[any]>");
    assertThat(want.accepts(BuiltinType.NUMBER)).isFalse();
    assertThat(want.accepts(BuiltinType.STRING)).isTrue();
    assertThat(want.accepts(BuiltinType.parse("set[number]"))).isTrue();
    assertThat(want.accepts(BuiltinType.ANY)).isTrue();
    assertThat(BuiltinType.STRING.accepts(BuiltinType.parse("any<number, boolean>"))).isFalse();
  }

  @Test
  void staticArgumentChecksGiveOpasMessage() {
    BuiltinDecl count = registry.lookup("count").orElseThrow();
    java.util.List<BuiltinType> have = java.util.List.of(BuiltinType.of(io.exportguard.rego.value.NumberValue.of(1)));
    assertThat(count.firstMismatch(have)).isZero();
    assertThat(count.invalidArgumentsMessage(have)).isEqualTo(
        "count: invalid argument(s)\n\thave: (number)\n\twant: (any<string, array[any], object[any: any], set[any]>)");
    BuiltinDecl concat = registry.lookup("concat").orElseThrow();
    assertThat(concat.firstMismatch(java.util.List.of(BuiltinType.STRING, BuiltinType.ANY))).isEqualTo(-1);
    assertThat(concat.firstMismatch(java.util.List.of(BuiltinType.STRING, BuiltinType.NUMBER))).isEqualTo(1);
    assertThat(BuiltinType.of(io.exportguard.rego.value.Json.parse("{\"a\": [1, \"x\"]}")))
        .hasToString("object<a: array<number, string>>");
    BuiltinDecl print = registry.lookup("print").orElseThrow();
    assertThat(print.firstMismatch(java.util.List.of(BuiltinType.NUMBER, BuiltinType.STRING))).isEqualTo(-1);
  }
}
