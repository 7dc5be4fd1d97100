package io.exportguard.report;

import java.util.Locale;

/** The outcome of one check (DESIGN.md, "Statuses of a check"). */
public enum Status {
  PASS, WARN, FAIL, ERROR, SKIPPED, WAIVED;

  public String id() { return name().toLowerCase(Locale.ROOT); }
}
