package io.exportguard.report.internal;

import java.util.Locale;

/**
 * Durations and sizes as people read them, the same in every format (kept apart from the HTML
 * writer so a console or Markdown report does not load its template engine).
 */
public final class Units {
  private Units() {}

  public static String duration(long ms) {
    if (ms < 1000) return ms + " ms";
    if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    return String.format(Locale.ROOT, "%d min %d s", ms / 60_000, (ms / 1000) % 60);
  }

  public static String bytes(long n) {
    if (n < 1024) return n + " B";
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
