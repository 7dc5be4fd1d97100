package io.exportguard.rego.testing;

import java.io.PrintWriter;

/** The text output of a test run, as {@code opa test} prints it, with more detail under failures. */
public final class TestReport {
  private TestReport() {}

  /**
   * One line per test ({@code PASS}, {@code FAIL}, {@code ERROR}, {@code SKIP}); under each failure
   * its location, why, the explanation, what it printed and its source; then a rule and the summary line.
   */
  public static void print(TestSummary summary, PrintWriter out) {
    for (TestResult r : summary.results()) {
      out.printf("%-5s %s%n", r.outcome(), r.name());
      if (r.outcome() != TestResult.Outcome.FAIL && r.outcome() != TestResult.Outcome.ERROR) continue;
      out.printf("      at %s:%d%n", r.file(), r.line());
      for (String d : r.detail().split("\n")) out.println("      " + d);
      for (String e : r.explanation()) out.println("      " + e);
      for (String p : r.printed()) out.println("      print: " + p);
      for (String s : r.source()) out.println("      | " + s);
    }
    out.println("-".repeat(80));
    out.println(summary.line());
    out.flush();
  }
}
