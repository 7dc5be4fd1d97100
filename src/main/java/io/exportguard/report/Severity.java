package io.exportguard.report;

import java.util.Locale;

/** A check's severity, most severe first. */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  /** The lower-case name used in METADATA, flags and reports. */
  public String id() { return name().toLowerCase(Locale.ROOT); }

  /** Parses {@code critical|high|medium|low|info} (any case); null when it is none of them. */
  public static Severity parse(String s) {
    if (s == null) return null;
    for (Severity v : values()) if (v.id().equalsIgnoreCase(s.trim())) return v;
    return null;
  }

  /** True when this severity is at or above the threshold. */
  public boolean atLeast(Severity threshold) { return ordinal() <= threshold.ordinal(); }
}
