package io.exportguard.report.internal;

import io.exportguard.report.Report;
import java.util.ArrayList;
import java.util.List;

/** What waivers and baselines add to a check, as plain text every writer shows the same way. */
public final class Marks {
  private Marks() {}

  /** {@code " [new]"}, {@code " [unchanged]"}, {@code " [fixed]"}, or empty without a baseline. */
  public static String of(Report.Finding f) {
    return f == null || f.baseline() == null ? "" : " [" + f.baseline() + "]";
  }

  /** {@code waived until 2027-03-31 by platform: reason (.exportguard.yaml:12)}, or null when not waived. */
  public static String waiver(Report.CheckResult c) {
    return text(c.waiver());
  }

  /** The waiver's text ({@link #waiver(Report.CheckResult)}), or null for none. */
  public static String text(Report.Waiver w) {
    if (w == null) return null;
    return "waived until " + w.expires() + " by " + w.owner() + ": " + w.reason() + " (" + w.source() + ")";
  }

  /**
   * The waiver to show beside one finding: its own, unless the check as a whole shows the same one
   * (a check whose every finding one waiver accepted says it once); null when there is none to show.
   */
  public static String waiver(Report.CheckResult c, Report.Finding f) {
    if (f == null || f.waiver() == null || f.waiver().equals(c.waiver())) return null;
    return text(f.waiver());
  }

  /** How many of the check's findings a waiver accepted. */
  public static int waivedFindings(Report.CheckResult c) {
    int n = 0;
    for (Report.Finding f : c.findings() == null ? List.<Report.Finding>of() : c.findings()) {
      if (f.waiver() != null) n++;
    }
    return n;
  }

  /** The findings to list under a check: its own, then the baseline's that are gone, marked fixed. */
  public static List<Report.Finding> withFixed(Report.CheckResult c) {
    List<Report.Finding> out = new ArrayList<>(c.findings() == null ? List.of() : c.findings());
    if (c.fixed() != null) out.addAll(c.fixed());
    return out;
  }
}
