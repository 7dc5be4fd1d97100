package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.report.internal.Explain;
import io.exportguard.report.internal.Marks;
import io.exportguard.report.internal.Ordering;
import io.exportguard.report.internal.Text;
import io.exportguard.report.internal.Units;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub-flavoured Markdown for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: the verdict,
 * a summary table, then the checks that need action with their remediation, then the rest in
 * short form. The whole text stays under {@link #LIMIT_BYTES} (a PR comment takes 65,536
 * characters): sections are added whole while they fit and a note says what was left out.
 *
 * <p>Untrusted strings are escaped with {@link Text#markdownInline} (never put in code spans, which
 * cannot escape backticks) and remediation goes into a fence longer than any backtick run in it.
 */
public final class MarkdownReportWriter implements ReportWriter {

  /** The name {@code --report} knows this format by. */
  public static final String FORMAT = "md";

  /** The budget in UTF-8 bytes, below GitHub's 65,536-character comment limit whatever the script. */
  static final int LIMIT_BYTES = 60_000;
  /** A single cloud string longer than this is cut, so no one finding can crowd out the rest. */
  static final int MAX_STRING = 1_000;
  static final int MAX_FINDINGS_PER_CHECK = 10;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final int limitBytes;

  public MarkdownReportWriter() { this(LIMIT_BYTES); }

  MarkdownReportWriter(int limitBytes) { this.limitBytes = limitBytes; }

  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return ".md"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    out.write(render(report).getBytes(StandardCharsets.UTF_8));
  }

  String render(Report report) {
    return report.isSingleTarget() ? renderSingle(report) : renderMany(report);
  }

  private String renderSingle(Report report) {
    List<Report.CheckResult> checks = Ordering.byUrgency(report.checks());
    StringBuilder head = new StringBuilder();
    header(head, report, checks.size());
    summaryTable(head, checks);

    List<String> blocks = new ArrayList<>();
    List<Report.CheckResult> actionable = new ArrayList<>();
    for (Report.CheckResult c : checks) if (c.status() == Status.FAIL || c.status() == Status.ERROR) actionable.add(c);
    if (!actionable.isEmpty()) blocks.add("\n### Checks that need action\n");
    for (Report.CheckResult c : actionable) blocks.add(actionBlock(c));
    List<Report.CheckResult> others = new ArrayList<>();
    for (Report.CheckResult c : checks) {
      boolean fixedOnly = c.status() == Status.PASS && c.fixed() != null && !c.fixed().isEmpty();
      if (c.status() == Status.WARN || c.status() == Status.WAIVED || c.status() == Status.SKIPPED || fixedOnly) {
        others.add(c);
      }
    }
    if (!others.isEmpty()) blocks.add("\n### Warnings, waivers and skipped checks\n\n");
    for (Report.CheckResult c : others) blocks.add(shortLine(c));
    if (!report.errors().isEmpty()) blocks.add(factErrors(report.errors()));
    if (report.export() != null) blocks.add(export(report));
    blocks.add(allChecks(checks));
    return assemble(report, head, blocks, "checks that need action", "check");
  }

  /**
   * A run of many targets: the totals, a table of the targets that did not pass (what blocks first),
   * then each of them with the checks that need action, while they fit; passing targets are counted.
   */
  private String renderMany(Report report) {
    Report.Summary s = report.summary();
    Report.TargetTotals totals = Report.TargetTotals.of(report.targets());
    StringBuilder head = new StringBuilder("## ").append(switch (s.verdict()) {
      case PASS -> "✅ exportguard: PASS";
      case FAIL -> "❌ exportguard: FAIL";
      case ERROR -> "⛔ exportguard: ERROR";
    }).append(", ").append(md(Explain.targets(totals, report.runErrors()))).append("\n\n");
    head.append("**Started** ").append(report.startedAt() == null ? "" : TIME.format(report.startedAt()))
        .append(", took ").append(Units.duration(report.durationMs())).append(", ").append(totals.targets())
        .append(" targets: ").append(totals.failed()).append(" failed, ").append(totals.errored()).append(" errored, ")
        .append(totals.passed()).append(" passed\n\n");
    List<Report.CheckResult> all = new ArrayList<>();
    report.targets().forEach(t -> all.addAll(t.checks()));
    summaryTable(head, all);

    List<Report.TargetResult> notPassed = report.targets().stream()
        .filter(t -> t.summary().verdict() != Verdict.PASS).sorted(Ordering.TARGETS_BY_URGENCY).toList();
    List<String> blocks = new ArrayList<>();
    if (!notPassed.isEmpty()) {
      blocks.add("\n### Targets that need action\n\n| Verdict | Kind | Target | Failed | Errors |\n|:--|:--|:--|--:|--:|\n");
      for (Report.TargetResult t : notPassed) {
        blocks.add("| " + icon(t.summary().verdict()) + ' ' + t.summary().verdict().id() + " | " + md(t.target().kind())
            + " | " + md(t.target().label()) + " | " + t.summary().failed() + " | " + t.summary().errors() + " |\n");
      }
    }
    for (Report.TargetResult t : notPassed) {
      StringBuilder b = new StringBuilder("\n#### ").append(icon(t.summary().verdict())).append(' ')
          .append(md(t.target().label())).append("\n\n");
      for (Report.CheckResult c : Ordering.byUrgency(t.checks())) {
        if (c.status() == Status.FAIL || c.status() == Status.ERROR) b.append(shortLine(c));
      }
      if (!t.errors().isEmpty()) b.append(factErrors(t.errors()));
      blocks.add(b.toString());
    }
    if (!report.runErrors().isEmpty()) blocks.add(factErrors(report.runErrors()));
    return assemble(report, head, blocks, "targets that need action", "target");
  }

  /** The head, then whole blocks while they fit the budget, a note on what was left out, the footer. */
  private String assemble(Report report, StringBuilder head, List<String> blocks, String left, String every) {
    StringBuilder md = new StringBuilder(head);
    int used = bytes(md);
    String footer = "\n<sub>" + Text.markdownInline(cut(report.tool().name())) + " "
        + Text.markdownInline(cut(report.tool().version())) + " · report " + Text.markdownInline(report.schema())
        + "</sub>\n";
    int reserve = bytes(footer) + 400;
    int shown = 0;
    for (String block : blocks) {
      int size = bytes(block);
      if (used + size + reserve > limitBytes) break;
      md.append(block);
      used += size;
      shown++;
    }
    if (shown < blocks.size()) {
      int leftBlocks = 0;
      for (int i = shown; i < blocks.size(); i++) if (blocks.get(i).startsWith("\n#### ")) leftBlocks++;
      md.append("\n> [!NOTE]\n> This summary stops here to stay under 64 KB");
      if (leftBlocks > 0) md.append(": ").append(leftBlocks).append(" more ").append(left).append(" are not shown");
      md.append(". The HTML and JSON reports list every ").append(every).append(".\n");
    }
    md.append(footer);
    return md.toString();
  }

  private static void header(StringBuilder b, Report r, int total) {
    Report.Summary s = r.summary();
    String title = switch (s.verdict()) {
      case PASS -> "✅ exportguard: PASS, the export may proceed";
      case FAIL -> "❌ exportguard: FAIL, the export is blocked";
      case ERROR -> "⛔ exportguard: ERROR, the checks could not decide";
    };
    b.append("## ").append(title).append("\n\n");
    if (s.verdict() == Verdict.ERROR) b.append(md(Explain.error(s, r.checks(), r.errors()))).append(".\n\n");
    Report.Target t = r.target();
    b.append("**Image** ").append(md(t.imageId())).append(" in ").append(md(t.regionId()))
        .append(" → **bucket** oss\\://").append(md(t.ossBucket())).append('/').append(md(t.ossPrefix()))
        .append(" as ").append(md(t.imageFormat())).append(", role ").append(md(t.roleName())).append("  \n");
    b.append("**Started** ").append(r.startedAt() == null ? "" : TIME.format(r.startedAt())).append(", took ")
        .append(Units.duration(r.durationMs())).append(", ").append(total).append(" checks: ")
        .append(s.failed()).append(" failed, ").append(s.errors()).append(" errors, ").append(s.warned())
        .append(" warned, ").append(s.waived()).append(" waived, ").append(s.skipped()).append(" skipped, ")
        .append(s.passed()).append(" passed").append(total == 0 ? ". No check was evaluated." : "").append("\n\n");
  }

  private static void summaryTable(StringBuilder b, List<Report.CheckResult> checks) {
    Map<Status, int[]> counts = new EnumMap<>(Status.class);
    for (Status st : Status.values()) counts.put(st, new int[Severity.values().length]);
    for (Report.CheckResult c : checks) counts.get(c.status())[c.severity().ordinal()]++;
    b.append("| Status | Total |");
    for (Severity sev : Severity.values()) b.append(' ').append(sev.id()).append(" |");
    b.append("\n|:--|--:|");
    for (int i = 0; i < Severity.values().length; i++) b.append("--:|");
    b.append('\n');
    for (Status st : Ordering.STATUSES) {
      int[] row = counts.get(st);
      int total = 0;
      for (int n : row) total += n;
      b.append("| ").append(icon(st)).append(' ').append(st.id()).append(" | ").append(total).append(" |");
      for (int n : row) b.append(' ').append(n == 0 ? "·" : Integer.toString(n)).append(" |");
      b.append('\n');
    }
  }

  private static String actionBlock(Report.CheckResult c) {
    StringBuilder b = new StringBuilder();
    b.append("\n#### ").append(icon(c.status())).append(' ').append(md(c.id())).append(": ").append(md(c.title()))
        .append("\n\n**").append(c.status().id()).append("**, severity **").append(c.severity().id()).append("**");
    if (c.prevents() != null && !c.prevents().isEmpty()) {
      b.append(", prevents ExportImage error ").append(md(c.prevents()));
    }
    b.append(". Policy ").append(md(c.policyFile())).append(':').append(c.line()).append("\n\n");
    findings(b, c, Marks.withFixed(c));
    List<String> fixes = c.remediations();
    if (!fixes.isEmpty()) b.append("\nRemediation:\n\n");
    for (int i = 0; i < fixes.size() && i < MAX_FINDINGS_PER_CHECK; i++) {
      b.append(i == 0 ? "" : "\n").append(Text.markdownCodeBlock(cut(fixes.get(i)), "shell"));
    }
    return b.toString();
  }

  private static void findings(StringBuilder b, Report.CheckResult c, List<Report.Finding> findings) {
    if (findings == null) return;
    for (int i = 0; i < findings.size() && i < MAX_FINDINGS_PER_CHECK; i++) {
      Report.Finding f = findings.get(i);
      b.append("- ").append(md(f.msg()));
      if (f.resource() != null && !f.resource().isEmpty()) b.append(" (").append(md(f.resource())).append(')');
      if (f.baseline() != null) b.append(" **").append(md(f.baseline())).append("**");
      String waived = Marks.waiver(c, f);
      if (waived != null) b.append(" — *").append(md(waived)).append('*');
      b.append('\n');
    }
    if (findings.size() > MAX_FINDINGS_PER_CHECK) {
      b.append("- … and ").append(findings.size() - MAX_FINDINGS_PER_CHECK).append(" more findings\n");
    }
  }

  private static String shortLine(Report.CheckResult c) {
    StringBuilder b = new StringBuilder("- ").append(icon(c.status())).append(" **").append(c.status().id())
        .append("** ").append(md(c.id())).append(" (").append(c.severity().id()).append("): ").append(md(c.title()));
    List<Report.Finding> findings = c.findings() == null ? List.of() : c.findings();
    if (!findings.isEmpty()) {
      b.append(". ").append(md(findings.get(0).msg()));
      if (findings.size() > 1) b.append(" (and ").append(findings.size() - 1).append(" more)");
    }
    String waiver = Marks.waiver(c);
    if (waiver != null) b.append(". *").append(md(waiver)).append('*');
    int waived = Marks.waivedFindings(c);
    if (waiver == null && waived > 0) {
      Report.Finding first = findings.stream().filter(f -> f.waiver() != null).findFirst().orElseThrow();
      b.append(". *").append(waived).append(" of ").append(findings.size()).append(" findings ")
          .append(md(Marks.text(first.waiver()))).append('*');
    }
    b.append('\n');
    // Findings of the --baseline report that are gone, under the check they belonged to.
    if (c.fixed() != null && !c.fixed().isEmpty()) {
      StringBuilder fixed = new StringBuilder();
      findings(fixed, c, c.fixed());
      fixed.toString().lines().forEach(l -> b.append("  ").append(l).append('\n'));
    }
    return b.toString();
  }

  private static String factErrors(List<FactError> errors) {
    StringBuilder b = new StringBuilder("\n### Facts that could not be gathered\n\n| Area | API | Code | Message |\n|:--|:--|:--|:--|\n");
    for (FactError e : errors) {
      b.append("| ").append(md(e.area())).append(" | ").append(md(e.api())).append(" | ").append(md(e.code()))
          .append(" | ").append(md(e.message())).append(" |\n");
    }
    return b.toString();
  }

  private static String export(Report r) {
    Report.ExportRecord e = r.export();
    StringBuilder b = new StringBuilder("\n### Export\n\nTask ").append(md(e.taskId())).append(": ")
        .append(md(e.status())).append(". Facts SHA-256 ").append(md(e.factsSha256())).append(", policies SHA-256 ")
        .append(md(e.policiesSha256())).append(".\n\n| Object | Size | ETag |\n|:--|--:|:--|\n");
    for (Report.ExportedObject o : e.objects() == null ? List.<Report.ExportedObject>of() : e.objects()) {
      b.append("| ").append(md(o.key())).append(" | ").append(Units.bytes(o.size())).append(" | ")
          .append(md(o.etag())).append(" |\n");
    }
    return b.toString();
  }

  private static String allChecks(List<Report.CheckResult> checks) {
    StringBuilder b = new StringBuilder("\n<details><summary>All ").append(checks.size())
        .append(" checks</summary>\n\n| Status | Severity | Check | Title |\n|:--|:--|:--|:--|\n");
    for (Report.CheckResult c : checks) {
      b.append("| ").append(icon(c.status())).append(' ').append(c.status().id()).append(" | ")
          .append(c.severity().id()).append(" | ").append(md(c.id())).append(" | ").append(md(c.title())).append(" |\n");
    }
    return b.append("\n</details>\n").toString();
  }

  private static String icon(Verdict v) {
    return switch (v) {
      case FAIL -> "❌";
      case ERROR -> "⛔";
      case PASS -> "✅";
    };
  }

  private static String icon(Status s) {
    return switch (s) {
      case FAIL -> "❌";
      case ERROR -> "⛔";
      case WARN -> "⚠️";
      case WAIVED -> "🔕";
      case SKIPPED -> "⏭️";
      case PASS -> "✅";
    };
  }

  private static String md(String s) { return Text.markdownInline(cut(s)); }

  private static String cut(String s) {
    if (s == null) return "";
    if (s.length() <= MAX_STRING) return s;
    int end = Character.isHighSurrogate(s.charAt(MAX_STRING - 1)) ? MAX_STRING - 1 : MAX_STRING;
    return s.substring(0, end) + "…";
  }

  private static int bytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
