package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers like 1e999999 from input must not cost seconds of CPU: arithmetic that would spell out
 * their digits fails fast, everything that need not expand them answers (within a generous bound
 * for the shared build box; unbounded, div took 4-10 s and plus/minus 0.5-1.2 s).
 */
class HugeNumbersTest {
  private static final BuiltinRegistry REGISTRY = BuiltinRegistry.standard();

  @ParameterizedTest(name = "{0}({1}, {2}) -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      div    | 1e999999  | 3          | ERROR div: number too large: more than 10000 digits
      div    | 1         | 3e999999   | ERROR div: number too large: more than 10000 digits
      div    | 1         | 1e-999999  | ERROR div: number too small: more than 10000 decimal places
      div    | 0         | 1e999999   | 0
      div    | 1e9999    | 4          | 2.5e+9998
      div    | 1         | 3          | 0.33333333333333333334
      plus   | 1e999999  | 1          | ERROR plus: number too large: more than 10000 digits
      plus   | 1e-999999 | 1          | ERROR plus: number too small: more than 10000 decimal places
      plus   | 0         | 1e999999   | ERROR plus: number too large: more than 10000 digits
      plus   | 1e999999  | 0          | ERROR plus: number too large: more than 10000 digits
      plus   | 2         | 0          | 2
      minus  | 1e999999  | 1          | ERROR minus: number too large: more than 10000 digits
      minus  | 1         | 1e-999999  | ERROR minus: number too small: more than 10000 decimal places
      rem    | 1e999999  | 7          | ERROR rem: number too large: more than 10000 digits
      rem    | 5         | 1e999999   | 5
      rem    | -5        | 3          | -2
      mul    | 1e999999  | 1e999999   | 1e+1999998
      mul    | 1e2000000000 | 1e2000000000 | ERROR mul: number too large
      lt     | 1e999999  | 1          | false
      gt     | 1e999999  | 1.0000000001e999998 | true
      equal  | 1e999999  | 10e999998  | true
      neq    | 1e-999999 | 0          | true
      round  | 1e-999999 |            | 0
      round  | 0.5       |            | 1
      ceil   | 1e-999999 |            | 1
      ceil   | -1e-999999 |           | 0
      floor  | -1e-999999 |           | -1
      floor  | 1e-999999 |            | 0
      format_int | 1e-999999 | 10     | "0"
      """)
  void arithmeticOnHugeNumbersIsBounded(String fn, String x, String y, String expected) {
    List<Value> args = new ArrayList<>();
    args.add(NumberValue.parse(x));
    if (y != null) args.add(NumberValue.parse(y));
    assertThat(call(fn, args)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}({1}) -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      units.parse       | 1e-999999  | 0
      units.parse       | 1e-999999G | 0
      units.parse       | 5e-11      | 0.0000000001
      units.parse_bytes | 1e-999999  | 0
      units.parse_bytes | 1e999999   | ERROR units.parse_bytes: exponent too large
      """)
  void unitParsersAreBoundedOnTinyNumbers(String fn, String text, String expected) {
    assertThat(call(fn, List.of(StringValue.of(text)))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1e-999999", "1e999999"})
  void timestampsOfHugeOrTinyNumbersFailFast(String ns) {
    assertThat(call("time.date", List.of(NumberValue.parse(ns)))).isEqualTo("ERROR time.date: timestamp too big");
  }

  @Test
  void sumsRefuseHugeTermsWhileProductsTakeThem() {
    assertThat(call("sum", List.of(ArrayValue.of(NumberValue.parse("1e999999"), NumberValue.of(1)))))
        .isEqualTo("ERROR sum: number too large: more than 10000 digits");
    assertThat(call("sum", List.of(ArrayValue.of(NumberValue.ZERO, NumberValue.parse("2.5"))))).isEqualTo("2.5");
    assertThat(call("product", List.of(ArrayValue.of(NumberValue.parse("1e999999"), NumberValue.of(2))))).isEqualTo("2e+999999");
  }

  @Test
  void hugeInputNumbersThroughAPolicyFailFastOrAreUndefined() throws Exception {
    io.exportguard.rego.PolicySet p = io.exportguard.rego.Rego.compile(List.of(new io.exportguard.rego.RegoModule(
        "t.rego", "package t\nq := input.x / 3\ns := input.x > 1\n")), io.exportguard.rego.value.ObjectValue.EMPTY);
    Value input = io.exportguard.rego.value.Json.parse("{\"x\": 1e999999}");
    io.exportguard.rego.EvalOptions strict = io.exportguard.rego.EvalOptions.DEFAULT.withStrictBuiltinErrors(true);
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      assertThat(p.eval("data.t.q", input).defined()).isFalse();
      assertThat(p.eval("data.t.s = x", input).results().get(0).binding("x")).isEqualTo(io.exportguard.rego.value.BooleanValue.TRUE);
      try {
        p.eval("data.t.q", input, strict);
        throw new AssertionError("expected a builtin error");
      } catch (io.exportguard.rego.RegoException e) {
        assertThat(e.getMessage()).contains("div: number too large");
      }
    });
  }

  @Test
  void longNumberLiteralsHashAndPrintQuickly() {
    String zeros = "0".repeat(99_990);
    // Bounded in CPU time, not wall time: on a shared 2-core machine under load the same ~1 s of
    // work takes 5-7 s of wall time. The preemptive timeout only guards against a hang.
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      long start = cpu.getCurrentThreadCpuTime();
      NumberValue big = (NumberValue) ((io.exportguard.rego.value.ObjectValue) io.exportguard.rego.value.Json.parse(
          "{\"x\": 1" + zeros + "}")).get(StringValue.of("x"));
      NumberValue same = NumberValue.parse("1e99990");
      assertThat(big).isEqualTo(same);
      assertThat(big.hashCode()).isEqualTo(same.hashCode());
      assertThat(big.toString()).isEqualTo("1e+99990");
      NumberValue fraction = NumberValue.parse("2.5" + zeros);
      assertThat(fraction.isInteger()).isFalse();
      assertThat(fraction.toString()).isEqualTo("2.5");
      assertThat(NumberValue.parse("7" + zeros + ".0" + zeros).isInteger()).isTrue();
      assertThat(Duration.ofNanos(cpu.getCurrentThreadCpuTime() - start)).isLessThan(Duration.ofSeconds(2));
    });
  }

  @Test
  void stripZerosAgreesWithTheLibrary() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 5_000; i++) {
      java.math.BigInteger digits = new java.math.BigInteger(1 + random.nextInt(300), random)
          .multiply(java.math.BigInteger.TEN.pow(random.nextInt(200)));
      if (random.nextBoolean()) digits = digits.negate();
      BigDecimal d = new BigDecimal(digits, random.nextInt(400) - 200);
      BigDecimal want = d.stripTrailingZeros();
      BigDecimal got = NumberValue.stripZeros(d);
      assertThat(got.unscaledValue()).as(d.toString()).isEqualTo(want.unscaledValue());
      assertThat(got.scale()).as(d.toString()).isEqualTo(d.signum() == 0 ? 0 : want.scale());
    }
  }

  private static String call(String fn, List<Value> args) {
    return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      try {
        return REGISTRY.invoke(fn, new SimpleBuiltinContext(), args).toString();
      } catch (BuiltinException e) {
        return "ERROR " + e.getMessage();
      }
    });
  }
}
