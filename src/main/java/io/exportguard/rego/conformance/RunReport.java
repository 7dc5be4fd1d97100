package io.exportguard.rego.conformance;

import io.exportguard.rego.conformance.CaseOutcome.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The outcomes of a run, and how they are printed: a table per folder, failures, missing builtins, totals. */
public final class RunReport {
  private final List<CaseOutcome> outcomes;

  public RunReport(List<CaseOutcome> outcomes) { this.outcomes = List.copyOf(outcomes); }

  public List<CaseOutcome> outcomes() { return outcomes; }

  public long count(Status s) { return outcomes.stream().filter(o -> o.status() == s).count(); }

  public long passed() { return count(Status.PASSED); }

  public long failed() { return count(Status.FAILED); }

  public long skipped() { return count(Status.SKIPPED); }

  /** Per folder: passed, failed, skipped. */
  public Map<String, long[]> byFolder() {
    Map<String, long[]> m = new TreeMap<>();
    for (CaseOutcome o : outcomes) m.computeIfAbsent(o.testCase().folder(), k -> new long[3])[o.status().ordinal()]++;
    return m;
  }

  /** Builtins the failing cases lacked, with how many cases each blocked. */
  public Map<String, Integer> missingBuiltins() {
    Map<String, Integer> m = new TreeMap<>();
    for (CaseOutcome o : outcomes) {
      if (o.status() == Status.FAILED) for (String b : o.missingBuiltins()) m.merge(b, 1, Integer::sum);
    }
    return m;
  }

  /** Prints the report; the last line is {@code N passed, M failed} (and {@code , K skipped}). */
  public void print(PrintWriter out) {
    int width = Math.max(6, byFolder().keySet().stream().mapToInt(String::length).max().orElse(6));
    String row = "%-" + width + "s %7s %7s %8s %6s %7s%n";
    out.printf(row, "folder", "passed", "failed", "skipped", "total", "rate");
    for (Map.Entry<String, long[]> e : byFolder().entrySet()) {
      long[] n = e.getValue();
      out.printf(row, e.getKey(), n[0], n[1], n[2], n[0] + n[1] + n[2], rate(n[0], n[0] + n[1]));
    }
    out.printf(row, "TOTAL", passed(), failed(), skipped(), outcomes.size(), rate(passed(), passed() + failed()));
    if (failed() > 0) {
      out.println();
      out.println("Failing cases:");
      for (CaseOutcome o : outcomes) {
        if (o.status() != Status.FAILED) continue;
        String tag = o.missingBuiltins().isEmpty() ? "" : " [missing builtin: " + String.join(", ", o.missingBuiltins()) + "]";
        out.println("  " + o.testCase().folder() + "/" + o.testCase().file().getFileName() + ": "
            + o.testCase().note() + tag + " -- " + o.reason());
      }
      out.println("  (rerun one: exportguard rego cases FILE --filter 'NOTE')");
    }
    Map<String, Integer> missing = missingBuiltins();
    if (!missing.isEmpty()) {
      out.println();
      out.println("Unknown or unimplemented builtins seen:");
      missing.forEach((name, n) -> out.println("  " + name + " (" + n + (n == 1 ? " case)" : " cases)")));
    }
    out.println();
    out.println(passed() + " passed, " + failed() + " failed" + (skipped() > 0 ? ", " + skipped() + " skipped" : ""));
    out.flush();
  }

  private static String rate(long passed, long ran) {
    return ran == 0 ? "-" : String.format("%.1f%%", 100.0 * passed / ran);
  }
}
