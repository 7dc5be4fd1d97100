package io.exportguard.report;

import io.exportguard.facts.FactError;
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
 * per check. fail is a {@code <failure>} carrying the finding messages, error an {@code <error>},
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
    Map<String, List<Report.CheckResult>> byArea = new LinkedHashMap<>();
    for (Report.CheckResult c : report.checks() == null ? List.<Report.CheckResult>of() : report.checks()) {
      byArea.computeIfAbsent(area(c), k -> new ArrayList<>()).add(c);
    }
    Report.Summary s = report.summary();
    String timestamp = report.startedAt() == null ? "" : TIMESTAMP.format(report.startedAt());
    Writer w = new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<testsuites name=\"exportguard\" tests=\"" + total(byArea) + "\" failures=\"" + s.failed()
        + "\" errors=\"" + s.errors() + "\" skipped=\"" + (s.skipped() + s.waived()) + "\" time=\""
        + seconds(report.durationMs()) + "\" timestamp=\"" + timestamp + "\">\n");
    for (Map.Entry<String, List<Report.CheckResult>> e : byArea.entrySet()) {
      writeSuite(w, report, e.getKey(), e.getValue(), timestamp);
    }
    w.write("</testsuites>\n");
    w.flush();
  }

  private static void writeSuite(Writer w, Report report, String area, List<Report.CheckResult> checks,
                                 String timestamp) throws IOException {
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (Report.CheckResult c : checks) {
      switch (c.status()) {
        case FAIL -> failures++;
        case ERROR -> errors++;
        case SKIPPED, WAIVED -> skipped++;
        default -> { }
      }
    }
    // The target is part of the name, so several images' reports merged in one pipeline never collide.
    String suite = "exportguard." + targetName(report.target()) + "." + area;
    w.write("  <testsuite name=\"" + Text.xml(suite) + "\" tests=\"" + checks.size() + "\" failures=\"" + failures
        + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\" time=\"0\" timestamp=\"" + timestamp + "\">\n");
    Report.Target t = report.target();
    w.write("    <properties>\n");
    property(w, "verdict", report.summary().verdict().id());
    property(w, "regionId", t.regionId());
    property(w, "imageId", t.imageId());
    property(w, "ossBucket", t.ossBucket());
    property(w, "ossPrefix", t.ossPrefix());
    property(w, "imageFormat", t.imageFormat());
    property(w, "roleName", t.roleName());
    w.write("    </properties>\n");
    for (Report.CheckResult c : checks) writeCase(w, report, suite, c);
    w.write("  </testsuite>\n");
  }

  /** {@code cn-hangzhou/m-bp1demo0001} as one dot-free class-name segment: {@code cn-hangzhou_m-bp1demo0001}. */
  static String targetName(Report.Target t) {
    String label = t == null || t.label() == null || t.label().isEmpty() ? "target" : t.label();
    return label.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static void writeCase(Writer w, Report report, String suite, Report.CheckResult c) throws IOException {
    w.write("    <testcase classname=\"" + Text.xml(suite) + "\" name=\"" + Text.xml(c.id() + " " + c.title())
        + "\" file=\"" + Text.xml(c.policyFile()) + "\" line=\"" + c.line() + "\" time=\"0\"");
    List<Report.Finding> findings = c.findings() == null ? List.of() : c.findings();
    switch (c.status()) {
      case PASS -> w.write("/>\n");
      case WARN -> {
        w.write(">\n      <system-out>" + Text.xmlText("warn (" + c.severity().id() + "): " + c.title() + "\n"
            + findingLines(findings)) + "</system-out>\n    </testcase>\n");
      }
      case FAIL -> {
        w.write(">\n      <failure message=\"" + Text.xml(firstMessage(findings, c.title())) + "\" type=\""
            + c.severity().id() + "\">" + Text.xmlText(findingLines(findings) + remediation(c)) + "</failure>\n"
            + "    </testcase>\n");
      }
      case ERROR -> {
        StringBuilder body = new StringBuilder(findingLines(findings));
        for (FactError e : report.errors() == null ? List.<FactError>of() : report.errors()) {
          body.append("fact error: ").append(e.area()).append(' ').append(e.api()).append(' ').append(e.code())
              .append(": ").append(e.message()).append('\n');
        }
        w.write(">\n      <error message=\"" + Text.xml(firstMessage(findings, "check could not be evaluated"))
            + "\" type=\"error\">" + Text.xmlText(body.toString()) + "</error>\n    </testcase>\n");
      }
      case SKIPPED, WAIVED -> {
        w.write(">\n      <skipped message=\"" + Text.xml(c.status().id() + ": " + firstMessage(findings, c.title()))
            + "\"/>\n    </testcase>\n");
      }
    }
  }

  private static void property(Writer w, String name, String value) throws IOException {
    w.write("      <property name=\"" + name + "\" value=\"" + Text.xml(value) + "\"/>\n");
  }

  private static String findingLines(List<Report.Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Report.Finding f : findings) {
      b.append("- ").append(f.msg());
      if (f.resource() != null && !f.resource().isEmpty()) b.append(" [").append(f.resource()).append(']');
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

  private static int total(Map<String, List<Report.CheckResult>> byArea) {
    int n = 0;
    for (List<Report.CheckResult> l : byArea.values()) n += l.size();
    return n;
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
  }
}
