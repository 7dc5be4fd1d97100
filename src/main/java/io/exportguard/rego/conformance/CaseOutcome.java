package io.exportguard.rego.conformance;

import java.util.Set;

/**
 * The result of running one case.
 *
 * @param testCase the case
 * @param status passed, failed or skipped
 * @param reason one line on why it failed or was skipped; empty when it passed
 * @param missingBuiltins builtins the case needed that the engine lacks (unknown or not implemented)
 */
public record CaseOutcome(TestCase testCase, Status status, String reason, Set<String> missingBuiltins) {

  /** How a case ended. */
  public enum Status { PASSED, FAILED, SKIPPED }
}
