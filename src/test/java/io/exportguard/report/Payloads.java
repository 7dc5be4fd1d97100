package io.exportguard.report;

import java.util.List;

/**
 * Hostile strings for the escaping tests: every cloud-sourced string of a report gets markup,
 * script, CDATA terminators, table and Markdown syntax, backticks, control characters and newlines.
 * The scripts set a marker instead of alerting, so a browser test can see whether any ran.
 */
public final class Payloads {
  private Payloads() {}

  /** Something a payload would do if it ran: the browser test looks for it. */
  public static final String MARKER = "egPwned";

  public static final List<String> ALL = List.of(
      "<script>document.documentElement.dataset." + MARKER + "='script'</script>",
      "\"><img src=x onerror=alert(1)>",
      "'><img src=x onerror=\"document.documentElement.dataset." + MARKER + "='img'\">",
      "<svg onload=\"document.documentElement.dataset." + MARKER + "='svg'\"></svg>",
      "]]><x>cdata</x><![CDATA[",
      "a | b || c",
      "`code` ```fence``` ",
      "[click me](javascript:alert(1)) ![img](x) <https://evil.example/>",
      "line one\nline two\r\n# heading\n- item",
      "{{ 7*7 }} {% raw %} ${7*7}",
      "@everyone & &amp; \u0000\u0007\u001b[31m\u202e");

  /** The value every hostile string field gets: the original (kept recognisable) plus all payloads. */
  public static String payload(String original) {
    return (original == null ? "" : original) + " " + String.join(" ", ALL);
  }

  /** The report with {@link #payload} applied to every string it carries. */
  public static Report hostile(Report r) {
    return SampleReports.mapStrings(r, Payloads::payload);
  }

  /** A report of many targets with {@link #payload} in every string of every target, labels included. */
  public static Report hostileTargets(Report r) {
    java.util.List<Report.TargetResult> targets = new java.util.ArrayList<>();
    for (Report.TargetResult t : r.targets()) {
      Report one = hostile(Report.single(r.tool(), r.startedAt(), r.durationMs(), t));
      Report.Target m = one.target();
      targets.add(new Report.TargetResult(new Report.Target(t.target().kind(), payload(t.target().label()),
          m.regionId(), m.imageId(), m.ossBucket(), m.ossPrefix(), m.imageFormat(), m.roleName()), t.summary(),
          one.checks(), one.errors(), null));
    }
    return new Report(r.schema(), r.tool(), r.startedAt(), r.durationMs(), targets, r.summary(), r.runErrors());
  }
}
