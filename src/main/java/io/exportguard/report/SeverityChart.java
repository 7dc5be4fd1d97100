package io.exportguard.report;

import io.exportguard.report.internal.Ordering;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of the HTML report's inline SVG: one stacked bar per severity, one segment per
 * status, scaled so the longest bar fills the plot. Computed here so the template only places shapes.
 */
final class SeverityChart {
  static final int WIDTH = 520;
  private static final int LABEL = 70;
  private static final int PLOT = 400;
  private static final int ROW = 26;

  private SeverityChart() {}

  static Map<String, Object> of(List<Report.CheckResult> checks) {
    Map<Severity, Map<Status, Integer>> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) counts.put(s, new EnumMap<>(Status.class));
    for (Report.CheckResult c : checks) counts.get(c.severity()).merge(c.status(), 1, Integer::sum);
    int max = 1;
    for (Map<Status, Integer> row : counts.values()) max = Math.max(max, row.values().stream().mapToInt(i -> i).sum());

    List<Map<String, Object>> rows = new ArrayList<>();
    int y = 4;
    for (Severity sev : Severity.values()) {
      List<Map<String, Object>> segments = new ArrayList<>();
      double x = LABEL;
      int total = 0;
      for (Status st : Ordering.STATUSES) {
        int n = counts.get(sev).getOrDefault(st, 0);
        if (n == 0) continue;
        double w = (double) n * PLOT / max;
        segments.add(Map.of("x", fmt(x), "width", fmt(w), "colour", colour(st), "count", n, "status", st.id()));
        x += w;
        total += n;
      }
      rows.add(Map.of("severity", sev.id(), "y", y, "segments", segments, "total", total, "labelX", fmt(x + 6)));
      y += ROW;
    }
    List<Map<String, Object>> legend = new ArrayList<>();
    int lx = LABEL;
    for (Status st : Ordering.STATUSES) {
      legend.add(Map.of("x", lx, "colour", colour(st), "status", st.id()));
      lx += 14 + 7 * st.id().length() + 14;
    }
    return Map.of("width", WIDTH, "height", y + 22, "rows", rows, "legend", legend, "legendY", y + 6);
  }

  static String colour(Status s) {
    return switch (s) {
      case FAIL -> "#c62828";
      case ERROR -> "#6a1b9a";
      case WARN -> "#e0a000";
      case WAIVED -> "#78909c";
      case SKIPPED -> "#bdbdbd";
      case PASS -> "#43a047";
    };
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
