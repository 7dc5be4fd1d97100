package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.report.internal.Marks;
import io.exportguard.report.internal.Explain;
import io.exportguard.report.internal.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for Jenkins, GitLab and other CI test views: one test suite per fact area, one test case
 * per check; in a run of many targets, one suite per target with a case per check that did not
 * simply pass (a clean target is one passing case), so thousands of targets stay readable. fail is a {@code <failure>} carrying the finding messages, error an {@code <error>},
 * waived and skipped are {@code <skipped>}, and warn passes with its findings in
 * {@code <system-out>}. Written by hand through {@link Text#xml} so every untrusted string is
 * escaped the same way in attributes and text, and characters XML 1.0 cannot carry are replaced.
 */
public final class JunitReportWriter implements ReportWriter {

  /** The name {@code --report} knows this format by. */
  public static final String FORMAT = "junit";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return ".xml"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    String timestamp = report.startedAt() == null ? "" : TIMESTAMP.format(report.startedAt());
    List<Suite> suites = new ArrayList<>();
    if (report.isSingleTarget()) {
      Report.TargetResult t = report.only();
      Map<String, List<Report.CheckResult>> byArea = new LinkedHashMap<>();
      for (Report.CheckResult c : t.checks()) byArea.computeIfAbsent(area(c), k -> new ArrayList<>()).add(c);
      // The target is part of the name, so the reports of several images merged in one pipeline never collide.
      String prefix = "exportguard." + targetName(t.target()) + ".";
      byArea.forEach((area, checks) -> suites.add(new Suite(prefix + area, t, checks, false)));
      if (suites.isEmpty()) suites.add(new Suite(prefix + "checks", t, List.of(), false));
    } else {
      // One suite per target, with a case per check that did not simply pass (a clean target is one passing case).
      for (Report.TargetResult t : report.targets()) {
        List<Report.CheckResult> notPassed = t.checks().stream().filter(c -> c.status() != Status.PASS).toList();
        suites.add(new Suite("exportguard." + t.target().kind() + "." + t.target().label(), t, notPassed, true));
      }
    }
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (Suite suite : suites) {
      tests += suite.tests();
      failures += suite.count(Status.FAIL);
      errors += suite.errors();
      skipped += suite.count(Status.SKIPPED) + suite.count(Status.WAIVED);
    }
    if (!report.runErrors().isEmpty()) {
      tests++;
      errors++;
    }
    Writer w = new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<testsuites name=\"exportguard\" tests=\"" + tests + "\" failures=\"" + failures
        + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\" time=\""
        + seconds(report.durationMs()) + "\" timestamp=\"" + timestamp + "\">\n");
    for (Suite suite : suites) writeSuite(w, suite, timestamp);
    if (!report.runErrors().isEmpty()) writeRunErrors(w, report.runErrors(), timestamp);
    w.write("</testsuites>\n");
    w.flush();
  }

  /**
   * A test suite: some checks of one target. The suite that carries a target's verdict (every suite
   * of a run of many; in a single-target report the first) gets a failing case for an {@code error}
   * verdict no check explains (a facts error no check requires, a skipped check that prevents an
   * ExportImage error), so a CI test view never shows green for a run that could not decide; and a
   * target of many whose checks all passed gets one passing case.
   */
  private record Suite(String name, Report.TargetResult target, List<Report.CheckResult> checks, boolean whole) {
    boolean verdictCase() {
      return target.summary().verdict() == Verdict.ERROR && target.summary().errors() == 0
          && (whole || target.checks().isEmpty() || target.checks().get(0) == checks.get(0));
    }

    boolean passCase() { return whole && checks.isEmpty() && target.summary().verdict() == Verdict.PASS; }

    int tests() { return checks.size() + (verdictCase() || passCase() ? 1 : 0); }

    int count(Status s) { return (int) checks.stream().filter(c -> c.status() == s).count(); }

    int errors() { return count(Status.ERROR) + (verdictCase() ? 1 : 0); }
  }

  private static void writeSuite(Writer w, Suite suite, String timestamp) throws IOException {
    w.write("  <testsuite name=\"" + Text.xml(suite.name()) + "\" tests=\"" + suite.tests() + "\" failures=\""
        + suite.count(Status.FAIL) + "\" errors=\"" + suite.errors() + "\" skipped=\""
        + (suite.count(Status.SKIPPED) + suite.count(Status.WAIVED)) + "\" time=\"0\" timestamp=\"" + timestamp
        + "\">\n");
    Report.Target t = suite.target().target();
    w.write("    <properties>\n");
    property(w, "verdict", suite.target().summary().verdict().id());
    if (suite.whole()) {
      property(w, "kind", t.kind());
      property(w, "label", t.label());
    }
    property(w, "regionId", t.regionId());
    property(w, "imageId", t.imageId());
    property(w, "ossBucket", t.ossBucket());
    property(w, "ossPrefix", t.ossPrefix());
    property(w, "imageFormat", t.imageFormat());
    property(w, "roleName", t.roleName());
    w.write("    </properties>\n");
    for (Report.CheckResult c : suite.checks()) writeCase(w, suite.target().errors(), suite.name(), c);
    if (suite.passCase()) {
      w.write("    <testcase classname=\"" + Text.xml(suite.name()) + "\" name=\""
          + Text.xml("all " + suite.target().checks().size() + " checks passed") + "\" time=\"0\"/>\n");
    }
    if (suite.verdictCase()) {
      String why = Explain.error(suite.target().summary(), suite.target().checks(), suite.target().errors());
      w.write("    <testcase classname=\"" + Text.xml(suite.name()) + "\" name=\"verdict\" time=\"0\">\n"
          + "      <error message=\"" + Text.xml(why) + "\" type=\"error\">" + Text.xmlText(factErrorLines(
          suite.target().errors())) + "</error>\n    </testcase>\n");
    }
    w.write("  </testsuite>\n");
  }

  /** {@code cn-hangzhou/m-bp1demo0001} as one dot-free class-name segment: {@code cn-hangzhou_m-bp1demo0001}. */
  static String targetName(Report.Target t) {
    String label = t == null || t.label() == null || t.label().isEmpty() ? "target" : t.label();
    return label.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** Facts errors that belong to no single target, as one erroring case. */
  private static void writeRunErrors(Writer w, List<FactError> errors, String timestamp) throws IOException {
    w.write("  <testsuite name=\"exportguard.run\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\""
        + " timestamp=\"" + timestamp + "\">\n    <testcase classname=\"exportguard.run\" name=\"facts outside any target\""
        + " time=\"0\">\n      <error message=\"" + Text.xml(errors.size() + " facts could not be gathered")
        + "\" type=\"error\">" + Text.xmlText(factErrorLines(errors)) + "</error>\n    </testcase>\n  </testsuite>\n");
  }

  private static String factErrorLines(List<FactError> errors) {
    StringBuilder body = new StringBuilder();
    for (FactError e : errors) {
      body.append("fact error: ").append(e.area()).append(' ').append(e.api()).append(' ').append(e.code())
          .append(": ").append(e.message()).append('\n');
    }
    return body.toString();
  }

  private static void writeCase(Writer w, List<FactError> factErrors, String suite, Report.CheckResult c)
      throws IOException {
    w.write("    <testcase classname=\"" + Text.xml(suite) + "\" name=\"" + Text.xml(c.id() + " " + c.title())
        + "\" file=\"" + Text.xml(c.policyFile()) + "\" line=\"" + c.line() + "\" time=\"0\"");
    List<Report.Finding> findings = c.findings() == null ? List.of() : c.findings();
    // With --baseline, the previous report's findings that are gone follow the check's own, marked [fixed].
    List<Report.Finding> shown = Marks.withFixed(c);
    switch (c.status()) {
      case PASS -> {
        if (c.fixed() == null || c.fixed().isEmpty()) {
          w.write("/>\n");
        } else {
          w.write(">\n      <system-out>" + Text.xmlText(findingLines(c, c.fixed()))
              + "</system-out>\n    </testcase>\n");
        }
      }
      case WARN -> {
        w.write(">\n      <system-out>" + Text.xmlText("warn (" + c.severity().id() + "): " + c.title() + "\n"
            + findingLines(c, shown)) + "</system-out>\n    </testcase>\n");
      }
      case FAIL -> {
        w.write(">\n      <failure message=\"" + Text.xml(firstMessage(findings, c.title())) + "\" type=\""
            + c.severity().id() + "\">" + Text.xmlText(findingLines(c, shown) + remediation(c)) + "</failure>\n"
            + "    </testcase>\n");
      }
      case ERROR -> {
        w.write(">\n      <error message=\"" + Text.xml(firstMessage(findings, "check could not be evaluated"))
            + "\" type=\"error\">" + Text.xmlText(findingLines(c, findings) + factErrorLines(factErrors))
            + "</error>\n    </testcase>\n");
      }
      case SKIPPED -> w.write(">\n      <skipped message=\"" + Text.xml("skipped: " + firstMessage(findings, c.title()))
          + "\"/>\n    </testcase>\n");
      // A waived check keeps its findings in view: the waiver is the message, the findings the text.
      case WAIVED -> w.write(">\n      <skipped message=\""
          + Text.xml(c.waiver() != null ? Marks.waiver(c) : "waived: " + firstMessage(findings, c.title()))
          + "\">" + Text.xmlText(findingLines(c, shown)) + "</skipped>\n    </testcase>\n");
    }
  }

  private static void property(Writer w, String name, String value) throws IOException {
    w.write("      <property name=\"" + name + "\" value=\"" + Text.xml(value) + "\"/>\n");
  }

  private static String findingLines(Report.CheckResult c, List<Report.Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Report.Finding f : findings) {
      b.append("- ").append(f.msg());
      if (f.resource() != null && !f.resource().isEmpty()) b.append(" [").append(f.resource()).append(']');
      b.append(Marks.of(f));
      String waived = Marks.waiver(c, f);
      if (waived != null) b.append(" (").append(waived).append(')');
      b.append('\n');
    }
    return b.toString();
  }

  private static String remediation(Report.CheckResult c) {
    StringBuilder b = new StringBuilder();
    if (c.prevents() != null) b.append("prevents ExportImage error ").append(c.prevents()).append('\n');
    for (String fix : c.remediations()) b.append("remediation: ").append(fix).append('\n');
    b.append("policy: ").append(c.policyFile()).append(':').append(c.line()).append('\n');
    return b.toString();
  }

  private static String firstMessage(List<Report.Finding> findings, String fallback) {
    String first = findings.isEmpty() ? fallback : findings.get(0).msg();
    return findings.size() > 1 ? first + " (and " + (findings.size() - 1) + " more)" : first;
  }

  private static String area(Report.CheckResult c) {
    if (c.area() != null && !c.area().isBlank()) return c.area();
    return "checks";
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
  }
}
