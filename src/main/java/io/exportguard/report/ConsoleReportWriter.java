package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.facts.SourceLocation;
import io.exportguard.report.internal.Explain;
import io.exportguard.report.internal.Marks;
import io.exportguard.report.internal.Ordering;
import io.exportguard.report.internal.Text;
import io.exportguard.report.internal.Units;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A compact table for a terminal or a CI log: the verdict first, then one row per check (what blocks
 * first) with its findings under it, then the facts that could not be gathered. Colour is decided by
 * the caller ({@link #colourWanted}), so the writer itself never looks at the environment. Every
 * untrusted string goes through {@link Text#terminal} so it cannot inject escape sequences.
 */
public final class ConsoleReportWriter implements ReportWriter {

  /** The name {@code --report} knows this format by. */
  public static final String FORMAT = "console";

  /** At most this many findings are listed under one check; the rest are counted. */
  static final int MAX_FINDINGS_PER_CHECK = 5;
  /** In a run of many targets, at most this many targets that did not pass are listed; the rest are counted. */
  static final int MAX_TARGETS = 50;

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String MAGENTA = "\u001b[35m";
  private static final String CYAN = "\u001b[36m";

  private final boolean colour;
  private final boolean verbose;

  /** @param colour true to use ANSI colours (stdout is a terminal and NO_COLOR is unset) */
  public ConsoleReportWriter(boolean colour) { this(colour, false); }

  /**
   * @param verbose list every passing check in its own row; otherwise they are one line after the
   *     checks that need attention (failing and erroring first), so a CI log shows what matters
   */
  public ConsoleReportWriter(boolean colour, boolean verbose) {
    this.colour = colour;
    this.verbose = verbose;
  }

  /**
   * The rule from no-color.org and the issue: colour only when stdout is a terminal and
   * {@code NO_COLOR} is unset or empty.
   */
  public static boolean colourWanted(boolean stdoutIsTerminal, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return stdoutIsTerminal && (noColor == null || noColor.isEmpty());
  }

  /** {@link #colourWanted} for this process: a console attached and NO_COLOR unset. */
  public static boolean colourWantedHere() {
    return colourWanted(System.console() != null, System.getenv());
  }

  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return null; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8));
    if (report.isSingleTarget()) writeSingle(w, report);
    else writeMany(w, report);
    w.flush();
  }

  private void writeSingle(PrintWriter w, Report report) {
    Report.Summary s = report.summary();
    Report.Target t = report.target();
    int total = report.checks().size();

    w.println(paint(BOLD + verdictColour(s.verdict()), s.verdict().id().toUpperCase()) + "  "
        + headline(report, total));
    w.println(paint(DIM, "target ") + " " + Text.terminal(t.regionId()) + "  " + Text.terminal(t.imageId())
        + " -> oss://" + Text.terminal(t.ossBucket()) + "/" + Text.terminal(t.ossPrefix())
        + "  format " + Text.terminal(t.imageFormat()) + "  role " + Text.terminal(t.roleName()));
    started(w, report);
    w.println(paint(DIM, "summary") + " " + counts(s));
    w.println();

    List<Report.CheckResult> ordered = Ordering.byUrgency(report.checks());
    // Loops rather than streams and lambdas here: this is every preflight's critical path, and
    // linking each lambda costs more than the loop it replaces.
    List<Report.CheckResult> checks = new java.util.ArrayList<>();
    List<String> passed = new java.util.ArrayList<>();
    for (Report.CheckResult c : ordered) {
      if (verbose || hasRow(c)) checks.add(c);
      if (!hasRow(c)) passed.add(Text.terminal(c.id()));
    }
    passed.sort(null);
    int idWidth = idWidth(checks);
    if (!checks.isEmpty()) w.println(paint(DIM, pad("STATUS", 8) + pad("SEVERITY", 10) + pad("ID", idWidth + 2) + "TITLE"));
    for (Report.CheckResult c : checks) checkRow(w, c, idWidth, "");
    if (!verbose && !passed.isEmpty()) {
      w.println(paint(GREEN, pad("PASS", 8)) + passed.size() + (passed.size() == 1 ? " check" : " checks")
          + " passed: " + String.join(" ", passed) + paint(DIM, "  (--verbose lists them)"));
    }
    factErrors(w, "facts not gathered:", report.errors(), "  ");
    if (report.export() != null) {
      Report.ExportRecord e = report.export();
      w.println();
      w.println(paint(CYAN, "export") + " task " + Text.terminal(e.taskId()) + " " + Text.terminal(e.status())
          + ", " + (e.objects() == null ? 0 : e.objects().size()) + " object(s)");
    }
  }

  /**
   * A run of many targets: the totals, then each target that did not pass with the checks that need
   * action (fail, error, warn) under it, what blocks first, at most {@link #MAX_TARGETS}; passing
   * targets are only counted, so the output stays readable for thousands of targets.
   */
  private void writeMany(PrintWriter w, Report report) {
    Report.Summary s = report.summary();
    Report.TargetTotals totals = Report.TargetTotals.of(report.targets());
    w.println(paint(BOLD + verdictColour(s.verdict()), s.verdict().id().toUpperCase()) + "  "
        + Explain.targets(totals, report.runErrors()));
    started(w, report);
    w.println(paint(DIM, "summary") + " " + totals.targets() + " targets: " + paint(GREEN, totals.passed() + " passed")
        + ", " + paint(RED, totals.failed() + " failed") + ", " + paint(MAGENTA, totals.errored() + " errored")
        + "; checks " + counts(s));
    List<Report.TargetResult> notPassed = report.targets().stream()
        .filter(t -> t.summary().verdict() != Verdict.PASS)
        .sorted(Ordering.TARGETS_BY_URGENCY).toList();
    for (int i = 0; i < notPassed.size() && i < MAX_TARGETS; i++) {
      Report.TargetResult t = notPassed.get(i);
      w.println();
      w.println(paint(BOLD + verdictColour(t.summary().verdict()), pad(t.summary().verdict().id().toUpperCase(), 7))
          + Text.terminal(t.target().kind()) + "  " + Text.terminal(t.target().label()) + paint(DIM, "  "
          + counts(t.summary())));
      List<Report.CheckResult> checks = Ordering.byUrgency(t.checks()).stream()
          .filter(c -> c.status() == Status.FAIL || c.status() == Status.ERROR || c.status() == Status.WARN).toList();
      int idWidth = idWidth(checks);
      if (t.target().location() != null) w.println("  " + paint(DIM, "declared at ") + where(t.target().location()));
      for (Report.CheckResult c : checks) {
        checkRow(w, c, idWidth, "  ");
        SourceLocation at = t.target().checkLocations().get(c.id());
        if (at != null) w.println("  " + " ".repeat(18) + paint(DIM, "at: ") + where(at));
      }
      factErrors(w, "  facts not gathered:", t.errors(), "    ");
    }
    if (notPassed.size() > MAX_TARGETS) {
      w.println();
      w.println(paint(DIM, "... " + (notPassed.size() - MAX_TARGETS) + " more targets did not pass; the file reports"
          + " list them all"));
    }
    w.println();
    w.println(paint(DIM, totals.passed() + (totals.passed() == 1 ? " target" : " targets") + " passed (not listed)"));
    factErrors(w, "facts not gathered for no single target:", report.runErrors(), "  ");
    if (report.scope() != null) scope(w, report.scope());
  }

  /** A scan's scope: the files read, those left out with why, and what lies outside the files. */
  private void scope(PrintWriter w, Report.Scope scope) {
    w.println();
    List<Report.Input> read = scope.read();
    w.println(paint(CYAN, "scanned ") + read.size() + (read.size() == 1 ? " file" : " files"));
    for (Report.Input i : read) {
      w.println("  " + Text.terminal(i.path()) + paint(DIM, "  " + Text.terminal(i.kind()) + ": " + Text.terminal(i.detail())));
    }
    List<Report.Input> ignored = scope.ignored();
    if (!ignored.isEmpty()) w.println(paint(CYAN, "ignored ") + ignored.size() + (ignored.size() == 1 ? " file" : " files"));
    for (int i = 0; i < ignored.size() && i < MAX_TARGETS; i++) {
      w.println("  " + Text.terminal(ignored.get(i).path()) + paint(DIM, "  " + Text.terminal(ignored.get(i).detail())));
    }
    if (ignored.size() > MAX_TARGETS) w.println(paint(DIM, "  ... " + (ignored.size() - MAX_TARGETS) + " more"));
    for (String n : scope.notes()) w.println(paint(DIM, "note: " + Text.terminal(n)));
  }

  private static String where(SourceLocation at) { return Text.terminal(at.display()); }

  /** Whether a check gets a row without --verbose: one that did not pass, or passed with its baseline findings gone (news). */
  private static boolean hasRow(Report.CheckResult c) {
    return c.status() != Status.PASS || (c.fixed() != null && !c.fixed().isEmpty());
  }

  private void started(PrintWriter w, Report report) {
    w.println(paint(DIM, "started") + " "
        + (report.startedAt() == null ? "" : report.startedAt().truncatedTo(ChronoUnit.SECONDS))
        + "  (took " + Units.duration(report.durationMs()) + ")  "
        + Text.terminal(report.tool().name()) + " " + Text.terminal(report.tool().version()));
  }

  private static int idWidth(List<Report.CheckResult> checks) {
    int idWidth = "ID".length();
    for (Report.CheckResult c : checks) idWidth = Math.max(idWidth, Text.terminal(c.id()).length());
    return idWidth;
  }

  /** One check's row with its findings and fixes under it. */
  private void checkRow(PrintWriter w, Report.CheckResult c, int idWidth, String margin) {
    w.println(margin + paint(statusColour(c.status()), pad(c.status().id().toUpperCase(), 8))
        + pad(c.severity().id(), 10) + pad(Text.terminal(c.id()), idWidth + 2) + Text.terminal(c.title()));
    List<Report.Finding> findings = Marks.withFixed(c);
    String indent = margin + " ".repeat(18);
    if (c.waiver() != null) w.println(indent + paint(DIM, Text.terminal(Marks.waiver(c))));
    for (int i = 0; i < findings.size() && i < MAX_FINDINGS_PER_CHECK; i++) {
      Report.Finding f = findings.get(i);
      w.println(indent + "- " + Text.terminal(f.msg())
          + (f.resource() == null ? "" : paint(DIM, "  [" + Text.terminal(f.resource()) + "]"))
          + paint(BOLD, Text.terminal(Marks.of(f))));
      String waived = Marks.waiver(c, f);
      if (waived != null) w.println(indent + "  " + paint(DIM, Text.terminal(waived)));
    }
    if (findings.size() > MAX_FINDINGS_PER_CHECK) {
      w.println(indent + paint(DIM, "... " + (findings.size() - MAX_FINDINGS_PER_CHECK) + " more findings"));
    }
    if (c.status() == Status.FAIL || c.status() == Status.WARN) {
      List<String> fixes = c.remediations();
      for (int i = 0; i < fixes.size() && i < MAX_FINDINGS_PER_CHECK; i++) {
        w.println(indent + paint(DIM, "fix: ") + Text.terminal(fixes.get(i)));
      }
    }
  }

  private void factErrors(PrintWriter w, String title, List<FactError> errors, String indent) {
    if (errors == null || errors.isEmpty()) return;
    w.println();
    w.println(paint(MAGENTA, title));
    for (FactError e : errors) {
      w.println(indent + Text.terminal(e.api()) + "  " + Text.terminal(e.code()) + "  "
          + Text.terminal(e.message()) + paint(DIM, "  (" + Text.terminal(e.area()) + ")"));
    }
  }

  private static String headline(Report r, int total) {
    Report.Summary s = r.summary();
    return switch (s.verdict()) {
      case PASS -> Explain.passed(s, total) + "; the export may go ahead";
      case FAIL -> s.failed() + " of " + total + " checks failed; the export is blocked";
      case ERROR -> Explain.error(s, r.checks(), r.errors());
    };
  }

  private String counts(Report.Summary s) {
    return paint(GREEN, s.passed() + " passed") + ", " + paint(YELLOW, s.warned() + " warned") + ", "
        + paint(RED, s.failed() + " failed") + ", " + paint(MAGENTA, s.errors() + (s.errors() == 1 ? " error" : " errors")) + ", "
        + s.skipped() + " skipped, " + s.waived() + " waived";
  }

  private static String verdictColour(Verdict v) {
    return switch (v) {
      case PASS -> GREEN;
      case FAIL -> RED;
      case ERROR -> MAGENTA;
    };
  }

  private static String statusColour(Status s) {
    return switch (s) {
      case PASS -> GREEN;
      case WARN -> YELLOW;
      case FAIL -> RED + BOLD;
      case ERROR -> MAGENTA;
      case SKIPPED, WAIVED -> DIM;
    };
  }

  private String paint(String codes, String text) {
    return colour ? codes + text + RESET : text;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
