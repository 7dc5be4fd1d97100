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

  /** {@code waived until 2027-03-31 by platform (reason) — .exportguard.yaml:12}, or null when not waived. */
  public static String waiver(Report.CheckResult c) {
    Report.Waiver w = c.waiver();
    if (w == null) return null;
    return "waived until " + w.expires() + " by " + w.owner() + ": " + w.reason() + " (" + w.source() + ")";
  }

  /** The findings to list under a check: its own, then the baseline's that are gone, marked fixed. */
  public static List<Report.Finding> withFixed(Report.CheckResult c) {
    List<Report.Finding> out = new ArrayList<>(c.findings() == null ? List.of() : c.findings());
    if (c.fixed() != null) out.addAll(c.fixed());
    return out;
  }
}
