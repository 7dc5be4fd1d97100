package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.StringValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPA's capabilities format: read, written, and restricting what policies may call. */
class CapabilitiesTest {
  /** Hand-written in OPA's format: a few builtins, one this engine does not have. */
  private static final String SMALL = """
      {
        "builtins": [
          {"name": "eq", "decl": {"type": "function", "args": [{"type": "any"}, {"type": "any"}],
                                  "result": {"type": "boolean"}}, "infix": "="},
          {"name": "assign", "decl": {"type": "function", "args": [{"type": "any"}, {"type": "any"}],
                                      "result": {"type": "boolean"}}},
          {"name": "count", "decl": {"type": "function",
              "args": [{"type": "any", "of": [{"type": "string"}, {"type": "array", "dynamic": {"type": "any"}},
                  {"type": "object", "dynamic": {"key": {"type": "any"}, "value": {"type": "any"}}},
                  {"type": "set", "of": {"type": "any"}}]}],
              "result": {"type": "number"}}},
          {"name": "acme.lookup", "decl": {"type": "function", "args": [{"name": "k", "type": "string"}],
                                           "result": {"type": "string"}}, "nondeterministic": true},
          {"name": "print", "decl": {"type": "function", "variadic": {"type": "any"}}}
        ],
        "future_keywords": ["contains", "every", "if", "in"],
        "wasm_abi_versions": [{"version": 1, "minor_version": 2}],
        "features": ["rego_v1"]
      }
      """;

  @Test
  void readsOpasFormat(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("caps.json");
    Files.writeString(file, SMALL);
    Capabilities caps = Capabilities.load(file);
    assertThat(caps.builtins()).extracting(Capabilities.Builtin::name)
        .containsExactly("eq", "assign", "count", "acme.lookup", "print");
    assertThat(caps.builtins().get(2).declaration())
        .isEqualTo("(any<string, array[any], object[any: any], set[any]>) => number");
    assertThat(caps.builtins().get(3).nondeterministic()).isTrue();
    assertThat(caps.builtins().get(4).declaration()).isEqualTo("(any...)");
    assertThat(caps.features()).containsExactly("rego_v1");
    assertThat(caps.has("rego_v1")).isTrue();
    assertThat(caps.builtins().get(2).arity()).isEqualTo(1);
    assertThat(caps.builtins().get(4).arity()).isEqualTo(-1);
    assertThat(caps.futureKeywords()).contains("if", "contains");
    assertThat(caps.allowNet()).isEmpty();
  }

  @Test
  void compilationIsRestrictedToTheDeclaredBuiltins() throws Exception {
    Capabilities caps = Capabilities.parse("caps.json", SMALL);
    assertThatThrownBy(() -> Rego.builder().capabilities(caps).module("p.rego", "package p\nq := sum([1])\n").compile())
        .isInstanceOf(RegoException.class).hasMessageContaining("rego_type_error: undefined function sum");
    PolicySet ps = Rego.builder().capabilities(caps).module("p.rego", "package p\nq := count([1, 2])\n").compile();
    assertThat(ps.eval("data.p.q", null).value()).isEqualTo(Json.parse("2"));
    // Without capabilities every builtin is there.
    assertThat(Rego.builder().module("p.rego", "package p\nq := sum([1])\n").compile().eval("data.p.q", null).value())
        .isEqualTo(Json.parse("1"));
  }

  @Test
  void aDeclaredBuiltinThisEngineLacksCompilesAndFailsAtEvaluationUnlessTheEmbedderProvidesIt() throws Exception {
    Capabilities caps = Capabilities.parse("caps.json", SMALL);
    String policy = "package p\nq := acme.lookup(\"k\")\n";
    PolicySet without = Rego.builder().capabilities(caps).module("p.rego", policy).compile();
    assertThatThrownBy(() -> without.eval("data.p.q", null))
        .hasMessageContaining("eval_builtin_error: acme.lookup: not implemented");
    assertThatThrownBy(() -> Rego.builder().capabilities(caps).module("p.rego", "package p\nq := acme.lookup(1)\n")
        .compile()).hasMessageContaining("acme.lookup: invalid argument(s)");
    PolicySet with = Rego.builder().capabilities(caps).module("p.rego", policy)
        .builtin(CustomBuiltin.of("acme.lookup", "(string) => string", (ctx, a) -> StringValue.of("v"))).compile();
    assertThat(with.eval("data.p.q", null).value()).isEqualTo(StringValue.of("v"));
  }

  @Test
  void theEnginesOwnCapabilitiesRoundTripAndDeclareEveryBuiltin() throws Exception {
    Capabilities current = Capabilities.current();
    assertThat(current.declares("count")).isTrue();
    assertThat(current.declares("http.send")).isTrue();
    assertThat(current.features()).contains("rego_v1");
    Capabilities again = Capabilities.parse(null, current.toJson());
    assertThat(again.builtins()).isEqualTo(current.builtins());
    assertThat(again.toJson()).isEqualTo(current.toJson());
  }

  @Test
  void anEmptyAllowNetTurnsNetworkAccessOffWhateverTheOptionsSay() throws Exception {
    Capabilities noNet = Capabilities.parse(null,
        Capabilities.current().toJson().replaceFirst("\\{", "{\"allow_net\": [],"));
    assertThat(noNet.allowNet()).contains(java.util.List.of());
    PolicySet ps = Rego.builder().capabilities(noNet)
        .module("p.rego", "package p\nq := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:1/\"})\n")
        .compile();
    assertThatThrownBy(() -> ps.eval("data.p.q", null, EvalOptions.DEFAULT.withAllowNet(true).withStrictBuiltinErrors(true)))
        .hasMessageContaining("http.send: network access is disabled");
  }

  @Test
  void aBrokenDocumentIsAnErrorNamingTheFileAndWhere() {
    assertThatThrownBy(() -> Capabilities.parse("caps.json", "{\"builtins\": [}"))
        .isInstanceOfSatisfying(RegoException.class, e -> {
          assertThat(e.errors().get(0).code()).isEqualTo(Capabilities.ERROR_CODE);
          assertThat(e.errors().get(0).file()).isEqualTo("caps.json");
          assertThat(e.errors().get(0).line()).isEqualTo(1);
        });
    assertThatThrownBy(() -> Capabilities.parse("caps.json", "{\"builtins\": [{\"name\": \"f\", \"decl\": {\"type\": \"function\","
        + " \"args\": [{\"type\": \"strng\"}]}}]}"))
        .hasMessageContaining("caps.json: capabilities_error: capabilities: builtins[0] (f): unknown type \"strng\"");
    assertThatThrownBy(() -> Capabilities.parse("caps.json", "[]")).hasMessageContaining("must be a JSON object");
  }
}
