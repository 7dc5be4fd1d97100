package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.report.internal.Marks;
import io.exportguard.report.internal.Explain;
import io.exportguard.report.internal.Ordering;
import io.exportguard.report.internal.Text;
import io.exportguard.report.internal.Units;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page for people (issue 6): verdict, target, counts with an inline SVG
 * chart, then every check with its findings and remediation. Rendered with Pebble, whose
 * autoescaping (HTML strategy) is on by default and stays on; the only unescaped values are our own
 * CSS and script. A Content-Security-Policy allows exactly those two by hash, so even a string that
 * escaped escaping could neither run script nor load anything.
 */
public final class HtmlReportWriter implements ReportWriter {

  /** The name {@code --report} knows this format by. */
  public static final String FORMAT = "html";

  private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
      .loader(classpathLoader())
      // Pebble's defaults, spelled out so no upgrade or edit can turn escaping off unnoticed.
      .autoEscaping(true)
      .defaultEscapingStrategy("html")
      .strictVariables(true)
      .build();
  private static final PebbleTemplate TEMPLATE = ENGINE.getTemplate("report.html.peb");
  private static final PebbleTemplate TARGETS_TEMPLATE = ENGINE.getTemplate("targets.html.peb");
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");
  private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
      + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return ".html"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
    if (report.isSingleTarget()) TEMPLATE.evaluate(w, context(report), Locale.ROOT);
    else TARGETS_TEMPLATE.evaluate(w, targetsContext(report), Locale.ROOT);
    w.flush();
  }

  /** What every page has: the inline style and script it allows, the tool, the times. */
  private static Map<String, Object> page(Report r) {
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("css", CSS);
    ctx.put("js", JS);
    ctx.put("csp", CSP);
    ctx.put("schema", r.schema());
    ctx.put("tool", Map.of("name", nz(r.tool().name()), "version", nz(r.tool().version())));
    ctx.put("startedAt", r.startedAt() == null ? "" : TIME.format(r.startedAt()));
    ctx.put("duration", Units.duration(r.durationMs()));
    ctx.put("statuses", statusTiles(r.summary()));
    return ctx;
  }

  private static List<Map<String, Object>> statusTiles(Report.Summary summary) {
    List<Map<String, Object>> statuses = new ArrayList<>();
    for (Status s : Ordering.STATUSES) {
      int n = summary.count(s);
      statuses.add(Map.of("id", s.id(), "label", s == Status.ERROR && n == 1 ? "error" : statusLabel(s), "count", n));
    }
    return statuses;
  }

  /**
   * A run of many targets: the totals, by region and by check (what blocks first), the targets that
   * did not pass each with the checks that need action, searchable and filtered by verdict, kind,
   * region and check, the passing ones one short row each in a folded table, and the facts errors
   * that belong to no target ({@link HtmlTargetsOverview}).
   */
  private static Map<String, Object> targetsContext(Report r) {
    Map<String, Object> ctx = page(r);
    Report.TargetTotals totals = Report.TargetTotals.of(r.targets());
    ctx.put("totals", Map.of("targets", totals.targets(), "passed", totals.passed(), "failed", totals.failed(),
        "errored", totals.errored()));
    Map<String, Object> verdict = new LinkedHashMap<>();
    verdict.put("id", r.summary().verdict().id());
    verdict.put("word", r.summary().verdict().id().toUpperCase(Locale.ROOT));
    verdict.put("label", switch (r.summary().verdict()) {
      case PASS -> "Every target passed";
      case FAIL -> "Targets blocked";
      case ERROR -> "Could not decide";
    });
    String why = Explain.targets(totals, r.runErrors());
    verdict.put("explanation", Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
    ctx.put("verdict", verdict);
    ctx.putAll(HtmlTargetsOverview.of(r.targets()));
    ctx.put("runErrors", errorViews(r.runErrors()));
    List<Map<String, Object>> inputs = new ArrayList<>();
    ctx.put("inputs", inputs);
    ctx.put("notes", List.of());
    if (r.scope() != null && !r.scope().inputs().isEmpty()) {
      for (Report.Input i : r.scope().inputs()) {
        inputs.add(Map.of("path", nz(i.path()), "kind", i.ignored() ? "ignored" : nz(i.kind()), "detail", nz(i.detail())));
      }
      ctx.put("notes", r.scope().notes().stream().map(HtmlReportWriter::nz).toList());
    }
    return ctx;
  }

  private static List<Map<String, Object>> errorViews(List<FactError> errors) {
    List<Map<String, Object>> views = new ArrayList<>();
    for (FactError e : errors) {
      views.add(Map.of("area", nz(e.area()), "api", nz(e.api()), "code", nz(e.code()), "message", nz(e.message())));
    }
    return views;
  }

  private static Map<String, Object> context(Report r) {
    Map<String, Object> ctx = page(r);
    Report.Target t = r.target();
    Map<String, Object> target = new HashMap<>();
    target.put("regionId", nz(t.regionId()));
    target.put("imageId", nz(t.imageId()));
    target.put("ossBucket", nz(t.ossBucket()));
    target.put("ossPrefix", nz(t.ossPrefix()));
    target.put("imageFormat", nz(t.imageFormat()));
    target.put("roleName", nz(t.roleName()));
    ctx.put("target", target);
    List<Report.CheckResult> checks = Ordering.byUrgency(r.checks());
    ctx.put("total", checks.size());
    Map<String, Object> verdict = verdict(r, checks.size());
    if (r.export() != null) {
      verdict.put("explanation", verdict.get("explanation") + " Export task " + nz(r.export().taskId()) + ": "
          + nz(r.export().status()) + ", evidence below.");
    }
    ctx.put("verdict", verdict);

    List<String> severities = new ArrayList<>();
    for (Severity s : Severity.values()) severities.add(s.id());
    ctx.put("severities", severities);
    ctx.put("chart", SeverityChart.of(checks));

    List<Map<String, Object>> views = new ArrayList<>();
    for (Report.CheckResult c : checks) views.add(checkView(c));
    ctx.put("checks", views);

    ctx.put("errors", errorViews(r.errors()));
    ctx.put("export", r.export() == null ? null : exportView(r.export()));
    return ctx;
  }

  private static Map<String, Object> checkView(Report.CheckResult c) {
    Map<String, Object> v = new HashMap<>();
    v.put("id", nz(c.id()));
    v.put("title", nz(c.title()));
    v.put("description", nz(c.description()));
    v.put("status", c.status().id());
    v.put("statusRank", Ordering.rank(c.status()));
    v.put("severity", c.severity().id());
    v.put("severityRank", c.severity().ordinal());
    v.put("prevents", nz(c.prevents()));
    v.put("remediations", c.remediations().stream().map(HtmlReportWriter::nz).toList());
    v.put("policyFile", nz(c.policyFile()));
    v.put("line", c.line());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Report.Finding f : Marks.withFixed(c)) {
      String waived = Marks.waiver(c, f);
      findings.add(Map.of("msg", nz(f.msg()) + Marks.of(f) + (waived == null ? "" : " — " + waived),
          "resource", nz(f.resource())));
    }
    if (c.waiver() != null) findings.add(Map.of("msg", Marks.waiver(c), "resource", ""));
    v.put("findings", findings);
    v.put("findingCount", findings.size());
    // Everything but a clean pass opens by default: people act on those, and print them.
    v.put("open", c.status() != Status.PASS);
    return v;
  }

  private static Map<String, Object> exportView(Report.ExportRecord e) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Report.ExportedObject o : e.objects() == null ? List.<Report.ExportedObject>of() : e.objects()) {
      objects.add(Map.of("key", nz(o.key()), "size", o.size(), "sizeText", Units.bytes(o.size()), "etag", nz(o.etag())));
    }
    Map<String, Object> v = new HashMap<>();
    v.put("taskId", nz(e.taskId()));
    v.put("status", nz(e.status()));
    v.put("objects", objects);
    v.put("factsSha256", nz(e.factsSha256()));
    v.put("policiesSha256", nz(e.policiesSha256()));
    return v;
  }

  private static Map<String, Object> verdict(Report r, int total) {
    Report.Summary s = r.summary();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.verdict().id());
    switch (s.verdict()) {
      case PASS -> {
        v.put("word", "PASS");
        v.put("label", "Export may proceed");
        v.put("explanation", "No check blocks this export (" + s.warned() + " warned, " + s.waived() + " waived).");
      }
      case FAIL -> {
        v.put("word", "FAIL");
        v.put("label", "Export blocked");
        v.put("explanation", s.failed() + " of " + total + " checks failed"
            + (s.errors() > 0 ? " and " + s.errors() + " could not be evaluated" : "") + ". Fix them before exporting.");
      }
      case ERROR -> {
        v.put("word", "ERROR");
        v.put("label", "Could not decide");
        String why = Explain.error(s, r.checks(), r.errors());
        v.put("explanation", Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
      }
    }
    return v;
  }

  private static String statusLabel(Status s) {
    return switch (s) {
      case FAIL -> "failed";
      case ERROR -> "errors";
      case WARN -> "warned";
      case WAIVED -> "waived";
      case SKIPPED -> "skipped";
      case PASS -> "passed";
    };
  }

  /** Null as empty; control characters and bidirectional overrides as U+FFFD (Pebble escapes the rest). */
  private static String nz(String s) { return Text.visibleLines(s); }

  private static ClasspathLoader classpathLoader() {
    ClasspathLoader loader = new ClasspathLoader(HtmlReportWriter.class.getClassLoader());
    loader.setPrefix("report");
    return loader;
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getClassLoader().getResourceAsStream("report/" + name)) {
      if (in == null) throw new IllegalStateException("missing resource report/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
