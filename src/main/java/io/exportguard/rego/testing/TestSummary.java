package io.exportguard.rego.testing;

import java.util.List;

/** All results of a run, in package then rule order. */
public record TestSummary(List<TestResult> results) {
  public TestSummary {
    results = List.copyOf(results);
  }

  public long count(TestResult.Outcome o) { return results.stream().filter(r -> r.outcome() == o).count(); }

  public long passed() { return count(TestResult.Outcome.PASS); }

  /** Failures and errors together: the M of "N passed, M failed". */
  public long failed() { return count(TestResult.Outcome.FAIL) + count(TestResult.Outcome.ERROR); }

  /** {@code N passed, M failed}, with {@code , K skipped} when some were. */
  public String line() {
    long skipped = count(TestResult.Outcome.SKIP);
    return passed() + " passed, " + failed() + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
  }
}
