package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the built-in pack's Rego unit tests through `exportguard policy test`, so mvn verify fails with them. */
class PolicyPackTest {

  @Test
  void everyPolicyTestOfTheBuiltInPackPasses() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PolicyTests.execute(List.of(), null, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exportguard policy test%n%s%s", out, err).isZero();
    assertThat(out.toString()).containsPattern("\\n\\d{3,} passed, 0 failed");
  }
}
