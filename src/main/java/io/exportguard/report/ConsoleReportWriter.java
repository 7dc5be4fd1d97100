package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.report.internal.Explain;
import io.exportguard.report.internal.Ordering;
import io.exportguard.report.internal.Text;
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
    Report.Summary s = report.summary();
    Report.Target t = report.target();
    int total = report.checks() == null ? 0 : report.checks().size();

    w.println(paint(BOLD + verdictColour(s.verdict()), s.verdict().id().toUpperCase()) + "  "
        + headline(report, total));
    w.println(paint(DIM, "target ") + " " + Text.terminal(t.regionId()) + "  " + Text.terminal(t.imageId())
        + " -> oss://" + Text.terminal(t.ossBucket()) + "/" + Text.terminal(t.ossPrefix())
        + "  format " + Text.terminal(t.imageFormat()) + "  role " + Text.terminal(t.roleName()));
    w.println(paint(DIM, "started") + " "
        + (report.startedAt() == null ? "" : report.startedAt().truncatedTo(ChronoUnit.SECONDS))
        + "  (took " + HtmlReportWriter.duration(report.durationMs()) + ")  "
        + Text.terminal(report.tool().name()) + " " + Text.terminal(report.tool().version()));
    w.println(paint(DIM, "summary") + " " + counts(s));
    w.println();

    List<Report.CheckResult> ordered = Ordering.byUrgency(report.checks());
    List<Report.CheckResult> passed = ordered.stream().filter(c -> c.status() == Status.PASS)
        .sorted(java.util.Comparator.comparing(c -> c.id() == null ? "" : c.id())).toList();
    List<Report.CheckResult> checks = verbose ? ordered
        : ordered.stream().filter(c -> c.status() != Status.PASS).toList();
    int idWidth = "ID".length();
    for (Report.CheckResult c : checks) idWidth = Math.max(idWidth, Text.terminal(c.id()).length());
    if (!checks.isEmpty()) w.println(paint(DIM, pad("STATUS", 8) + pad("SEVERITY", 10) + pad("ID", idWidth + 2) + "TITLE"));
    for (Report.CheckResult c : checks) {
      w.println(paint(statusColour(c.status()), pad(c.status().id().toUpperCase(), 8))
          + pad(c.severity().id(), 10) + pad(Text.terminal(c.id()), idWidth + 2) + Text.terminal(c.title()));
      List<Report.Finding> findings = c.findings() == null ? List.of() : c.findings();
      String indent = " ".repeat(18);
      for (int i = 0; i < findings.size() && i < MAX_FINDINGS_PER_CHECK; i++) {
        Report.Finding f = findings.get(i);
        w.println(indent + "- " + Text.terminal(f.msg())
            + (f.resource() == null ? "" : paint(DIM, "  [" + Text.terminal(f.resource()) + "]")));
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
    if (!verbose && !passed.isEmpty()) {
      w.println(paint(GREEN, pad("PASS", 8)) + passed.size() + (passed.size() == 1 ? " check" : " checks")
          + " passed: " + String.join(" ", passed.stream().map(c -> Text.terminal(c.id())).toList())
          + paint(DIM, "  (--verbose lists them)"));
    }
    if (report.errors() != null && !report.errors().isEmpty()) {
      w.println();
      w.println(paint(MAGENTA, "facts not gathered:"));
      for (FactError e : report.errors()) {
        w.println("  " + Text.terminal(e.api()) + "  " + Text.terminal(e.code()) + "  "
            + Text.terminal(e.message()) + paint(DIM, "  (" + Text.terminal(e.area()) + ")"));
      }
    }
    if (report.export() != null) {
      Report.ExportRecord e = report.export();
      w.println();
      w.println(paint(CYAN, "export") + " task " + Text.terminal(e.taskId()) + " " + Text.terminal(e.status())
          + ", " + (e.objects() == null ? 0 : e.objects().size()) + " object(s)");
    }
    w.flush();
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
