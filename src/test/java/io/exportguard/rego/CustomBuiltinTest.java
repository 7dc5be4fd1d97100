package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Functions the embedder adds: declared, type-checked, called, replaced under with, failing closed. */
class CustomBuiltinTest {
  private static final CustomBuiltin DOUBLE = CustomBuiltin.of("acme.double", "(number) => number",
      (ctx, args) -> NumberValue.of(((NumberValue) args.get(0)).value().multiply(java.math.BigDecimal.valueOf(2))));

  private static PolicySet compile(String policy, CustomBuiltin... builtins) throws RegoException {
    Rego.Builder b = Rego.builder().module("p.rego", policy);
    for (CustomBuiltin c : builtins) b.builtin(c);
    return b.compile();
  }

  @Test
  void policiesCallACustomBuiltinLikeAnyOther() throws Exception {
    PolicySet ps = compile("package p\nq := acme.double(input.n)\nr := [y | some x in [1, 2]; acme.double(x, y)]\n",
        DOUBLE);
    assertThat(ps.eval("data.p.q", Json.parse("{\"n\": 21}")).value()).isEqualTo(Json.parse("42"));
    assertThat(ps.eval("data.p.r", null).value()).isEqualTo(Json.parse("[2, 4]"));
    assertThat(ps.eval("acme.double(4)", null).value()).isEqualTo(Json.parse("8"));
  }

  @Test
  void withoutItTheCallDoesNotCompileAndLiteralArgumentsAreTypeChecked() {
    assertThatThrownBy(() -> compile("package p\nq := acme.double(1)\n"))
        .isInstanceOf(RegoException.class).hasMessageContaining("rego_type_error: undefined function acme.double");
    assertThatThrownBy(() -> compile("package p\nq := acme.double(\"a\")\n", DOUBLE))
        .hasMessageContaining("acme.double: invalid argument(s)").hasMessageContaining("want: (number)");
    assertThatThrownBy(() -> compile("package p\nq := acme.double(1, 2, 3)\n", DOUBLE))
        .hasMessageContaining("acme.double: arity mismatch");
  }

  @Test
  void argumentsOfTheWrongKindNeverReachTheImplementation() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CustomBuiltin counting = CustomBuiltin.of("acme.len", "(any<string, array[any]>) => number", (ctx, args) -> {
      calls.incrementAndGet();
      return NumberValue.of(args.get(0) instanceof StringValue s ? s.value().length() : 0);
    });
    PolicySet ps = compile("package p\nq := acme.len(input)\n", counting);
    assertThat(ps.eval("data.p.q", Json.parse("\"abc\"")).value()).isEqualTo(Json.parse("3"));
    assertThat(ps.eval("data.p.q", Json.parse("7")).defined()).isFalse();
    assertThatThrownBy(() -> ps.eval("data.p.q", Json.parse("7"), EvalOptions.DEFAULT.withStrictBuiltinErrors(true)))
        .isInstanceOf(RegoException.class)
        .hasMessageContaining("eval_type_error: acme.len: operand 1 must be one of {array, string} but got number");
    assertThat(calls).hasValue(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "runtime exception | false | undefined",
      "runtime exception | true  | eval_builtin_error: acme.f: backend down",
      "rego exception    | false | acme_unavailable: acme.f: cannot decide",
      "rego exception    | true  | acme_unavailable: acme.f: cannot decide",
      "null              | false | undefined",
  })
  void failuresAreUndefinedUnlessStrictButARegoExceptionAlwaysEndsTheQuery(String kind, boolean strict, String want)
      throws Exception {
    CustomBuiltin f = CustomBuiltin.of("acme.f", "(string) => boolean", (ctx, args) -> {
      switch (kind) {
        case "runtime exception" -> throw new IllegalStateException("backend down");
        case "rego exception" -> throw new RegoException(
            new RegoError("acme_unavailable", "cannot decide", null, 0, 0, null));
        default -> {
          return null;
        }
      }
    });
    PolicySet ps = compile("package p\nallow if acme.f(\"x\")\ndeny if not acme.f(\"x\")\n", f);
    EvalOptions options = EvalOptions.DEFAULT.withStrictBuiltinErrors(strict);
    if (want.equals("undefined")) {
      assertThat(ps.eval("data.p.allow", null, options).defined()).isFalse();
    } else {
      // "deny if not f(...)" must not pass silently when f cannot answer.
      assertThatThrownBy(() -> ps.eval("data.p.deny", null, options)).hasMessageContaining(want);
    }
  }

  @Test
  void theContextGivesTheQueryClockAndPrint() throws Exception {
    CustomBuiltin now = CustomBuiltin.of("acme.year", "() => number", (ctx, args) -> {
      ctx.print("asked");
      return NumberValue.of(ctx.now().atZone(java.time.ZoneOffset.UTC).getYear());
    });
    PolicySet ps = compile("package p\ny := acme.year()\n", now);
    QueryResult r = ps.eval("data.p.y", null, EvalOptions.DEFAULT.withNow(Instant.parse("2031-05-01T00:00:00Z")));
    assertThat(r.value()).isEqualTo(Json.parse("2031"));
    assertThat(r.printed()).containsExactly("asked");
  }

  @Test
  void withReplacesACustomBuiltinAndALaterRegistrationReplacesAnEarlierOne() throws Exception {
    PolicySet ps = Rego.builder().module("p.rego", "package p\nq := acme.double(2)\n")
        .builtin(CustomBuiltin.of("acme.double", "(number) => number", (ctx, a) -> Json.parse("0")))
        .builtin(DOUBLE).compile();
    assertThat(ps.eval("data.p.q", null).value()).isEqualTo(Json.parse("4"));
    assertThat(ps.eval("data.p.q with acme.double as 9", null).value()).isEqualTo(Json.parse("9"));
  }

  @Test
  void aVariadicBuiltinTakesAnyNumberOfArguments() throws Exception {
    CustomBuiltin join = CustomBuiltin.of("acme.join", "(string...) => string", (ctx, args) -> StringValue.of(
        String.join("-", args.stream().map(v -> ((StringValue) v).value()).toList())));
    PolicySet ps = compile("package p\nq := acme.join(\"a\", \"b\", \"c\")\n", join);
    assertThat(ps.eval("data.p.q", null).value()).isEqualTo(StringValue.of("a-b-c"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "acme..f        | (number) => number | dotted identifier",
      "data.f         | (number) => number | reserved",
      "eq             | (any, any) => boolean | reserved",
      "print          | (any) => boolean | reserved",
      "acme.f         | (number)           | no result type",
      "acme.f         | (numbr) => number  | unknown type 'numbr'",
  })
  void badNamesAndDeclarationsAreRefusedWhenTheBuiltinIsMade(String name, String decl, String message) {
    assertThatThrownBy(() -> CustomBuiltin.of(name, decl, (ctx, a) -> (Value) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
