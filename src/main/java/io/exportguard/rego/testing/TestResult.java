package io.exportguard.rego.testing;

import java.util.List;

/**
 * One test's result.
 *
 * @param name the full rule path, {@code data.<package>.<rule>}
 * @param file file of the rule
 * @param line line of the rule's head
 * @param outcome pass, fail, error or skip
 * @param detail why it failed ({@code undefined}, {@code value ...}) or the evaluation error
 * @param printed what the test printed
 * @param explanation for a failure: the first failing expression and the values bound before it
 * @param source for a failure or error: the rule's source lines (empty when unknown)
 */
public record TestResult(String name, String file, int line, Outcome outcome, String detail, List<String> printed,
                         List<String> explanation, List<String> source) {

  /** How one test ended. */
  public enum Outcome { PASS, FAIL, ERROR, SKIP }

  public TestResult {
    printed = List.copyOf(printed);
    explanation = List.copyOf(explanation);
    source = List.copyOf(source);
  }
}
