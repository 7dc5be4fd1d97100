package io.exportguard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.facts.FactError;
import io.exportguard.facts.SourceLocation;
import io.exportguard.report.internal.DocsLinks;
import io.exportguard.report.internal.JsonStyle;
import io.exportguard.report.internal.Marks;
import io.exportguard.report.internal.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for code scanning (GitHub and others): one rule per check, one result per finding.
 * A result points at the policy file and line that defines its check (the only source location a
 * cloud finding has) and names the cloud resource as a logical location.
 *
 * <p>In a report of many targets every target's findings are results, each naming its target as a
 * logical location; {@code partialFingerprints} carries {@link Fingerprints} (check, resource,
 * target), so code scanning and baselines follow a finding across runs.
 *
 * <p>A finding of a static scan points at what the scanned files declare instead: the {@code .tf}
 * file and line of the resource when the plan's configuration gives them, then the scanned file
 * (plan or template) and line, with the resource address as a logical location and the check's
 * policy as a related location, so code scanning annotates the pull request that changes it.
 *
 * <p>Statuses map onto SARIF as: fail and warn are {@code kind: fail} with level error or warning;
 * waived is a fail result carrying an accepted external suppression; error is {@code kind: open}
 * (the tool could not decide); pass and skipped checks produce no result. Facts that could not be
 * gathered become tool execution notifications.
 */
public final class SarifReportWriter implements ReportWriter {

  /** The name {@code --report} knows this format by. */
  public static final String FORMAT = "sarif";

  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonStyle.factory()).disable(SerializationFeature.CLOSE_CLOSEABLE);
  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return ".sarif"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA_URI);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", nz(report.tool().name(), "exportguard"));
    String version = nz(report.tool().version(), "dev");
    driver.put("version", version);
    if (SEMVER.matcher(version).matches()) driver.put("semanticVersion", version);
    driver.put("informationUri", DocsLinks.HOME);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (Report.TargetResult t : report.targets()) {
      for (Report.CheckResult c : t.checks()) {
        if (ruleIndex.containsKey(c.id())) continue;
        ruleIndex.put(c.id(), rules.size());
        rules.add(rule(c));
      }
    }

    // One category per target, so code scanning keeps each image's alerts apart; one for a run of many.
    run.putObject("automationDetails").put("id", report.isSingleTarget()
        ? "exportguard/" + nz(report.target().regionId(), "region") + "/" + nz(report.target().imageId(), "image") + "/"
        : "exportguard/targets/");
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", report.summary().verdict() != Verdict.ERROR);
    if (report.startedAt() != null) {
      Instant start = report.startedAt().truncatedTo(ChronoUnit.MILLIS);
      invocation.put("startTimeUtc", start.toString());
      invocation.put("endTimeUtc", start.plusMillis(report.durationMs()).toString());
    }
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (FactError e : report.runErrors()) notes.add(notification(e, null));
    for (Report.TargetResult t : report.targets()) {
      for (FactError e : t.errors()) notes.add(notification(e, report.isSingleTarget() ? null : t.target()));
    }

    ArrayNode results = run.putArray("results");
    for (Report.TargetResult t : report.targets()) {
      Report.Target named = report.isSingleTarget() ? null : t.target();
      for (Report.CheckResult c : t.checks()) {
        // Findings of the --baseline report that are gone: baselineState absent, kind pass.
        if (c.fixed() != null) {
          for (Report.Finding f : c.fixed()) results.add(result(t.target(), named, c, ruleIndex.get(c.id()), f));
        }
        if (c.status() == Status.PASS || c.status() == Status.SKIPPED) continue;
        List<Report.Finding> findings = c.findings() == null ? List.of() : c.findings();
        if (findings.isEmpty()) {
          findings = List.of(new Report.Finding(c.status() == Status.ERROR
              ? "check could not be evaluated: a fact it requires was not gathered" : c.title(), null));
        }
        for (Report.Finding f : findings) results.add(result(t.target(), named, c, ruleIndex.get(c.id()), f));
      }
    }

    run.put("columnKind", "utf16CodeUnits");
    ObjectNode props = run.putObject("properties");
    props.put("verdict", report.summary().verdict().id());
    if (report.isSingleTarget()) {
      Report.Target t = report.target();
      ObjectNode target = props.putObject("target");
      target.put("regionId", t.regionId());
      target.put("imageId", t.imageId());
      target.put("ossBucket", t.ossBucket());
      target.put("ossPrefix", t.ossPrefix());
      target.put("imageFormat", t.imageFormat());
      target.put("roleName", t.roleName());
      if (report.export() != null) {
        Report.ExportRecord e = report.export();
        ObjectNode export = props.putObject("export");
        export.put("taskId", e.taskId());
        export.put("status", e.status());
        export.put("factsSha256", e.factsSha256());
        export.put("policiesSha256", e.policiesSha256());
      }
    } else {
      Report.TargetTotals totals = Report.TargetTotals.of(report.targets());
      ObjectNode targets = props.putObject("targets");
      targets.put("total", totals.targets());
      targets.put("passed", totals.passed());
      targets.put("failed", totals.failed());
      targets.put("errored", totals.errored());
    }

    MAPPER.writer(JsonStyle.printer()).writeValue(new NonClosingOutputStream(out), root);
    out.write('\n');
  }

  private static ObjectNode rule(Report.CheckResult c) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("id", c.id());
    r.put("name", ruleName(c.title(), c.id()));
    r.putObject("shortDescription").put("text", nz(c.title(), c.id()));
    r.put("helpUri", DocsLinks.check(c.id()));
    r.putObject("fullDescription").put("text", nz(c.description(), nz(c.title(), c.id())));
    String remediation = nz(c.remediation(), "");
    ObjectNode help = r.putObject("help");
    help.put("text", remediation.isEmpty() ? nz(c.title(), c.id()) : "Remediation: " + remediation);
    help.put("markdown", "**Remediation**\n\n" + Text.markdownCodeBlock(remediation, "shell")
        + (c.prevents() == null ? "" : "\nPrevents the ExportImage error `" + c.prevents().replace("`", "") + "`."));
    r.putObject("defaultConfiguration").put("level", level(c.severity()));
    ObjectNode props = r.putObject("properties");
    props.put("security-severity", securitySeverity(c.severity()));
    props.put("problem.severity", problemSeverity(c.severity()));
    props.put("precision", "very-high");
    ArrayNode tags = props.putArray("tags");
    tags.add("security");
    if (c.area() != null && !c.area().isEmpty()) tags.add(c.area());
    props.put("severity", c.severity().id());
    if (c.prevents() != null) props.put("prevents", c.prevents());
    return r;
  }

  /** A facts error as a tool notification; {@code target} names the target it belongs to in a run of many. */
  private static ObjectNode notification(FactError e, Report.Target target) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("level", "error");
    n.putObject("message").put("text", (target == null ? "" : target.label() + ": ") + "could not gather "
        + nz(e.area(), "?") + " facts: " + nz(e.api(), "?") + " answered " + nz(e.code(), "?") + ": "
        + nz(e.message(), ""));
    if (e.code() != null && !e.code().isEmpty()) n.putObject("descriptor").put("id", e.code());
    return n;
  }

  /**
   * One finding as a result.
   *
   * @param named the target to name as a logical location (runs of many targets), or null
   */
  private static ObjectNode result(Report.Target target, Report.Target named, Report.CheckResult c, int ruleIndex,
                                   Report.Finding f) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("ruleId", c.id());
    r.put("ruleIndex", ruleIndex);
    if (c.status() == Status.ERROR) {
      r.put("kind", "open");
      r.put("level", "none");
    } else if ("fixed".equals(f.baseline())) {
      r.put("kind", "pass");
      r.put("level", "none");
    } else {
      r.put("kind", "fail");
      r.put("level", c.status() == Status.FAIL ? "error" : c.status() == Status.WARN ? "warning" : level(c.severity()));
    }
    String text = nz(f.msg(), nz(c.title(), c.id()));
    // The rule's help holds the check's generic remediation; a finding's own names the real resources.
    if (f.remediation() != null && !f.remediation().isEmpty()) text += "\nRemediation: " + f.remediation();
    r.putObject("message").put("text", text);
    ArrayNode locations = r.putArray("locations");
    ObjectNode location = locations.addObject();
    SourceLocation declared = target.locationOf(c.id());
    if (declared == null) {
      physical(location, c.policyFile(), c.line(), 0);
    } else {
      // A scanned declaration: the hand-written source (.tf) first, the file scanned (the plan) next;
      // the check's policy is a related location.
      SourceLocation primary = declared.primary();
      physical(location, primary.file(), primary.line(), primary.column());
      if (primary != declared) physical(locations.addObject(), declared.file(), declared.line(), declared.column());
      ObjectNode policy = r.putArray("relatedLocations").addObject();
      policy.put("id", 0);
      physical(policy, c.policyFile(), c.line(), 0);
      policy.putObject("message").put("text", "the check's policy");
    }
    boolean resource = f.resource() != null && !f.resource().isEmpty();
    if (resource || named != null || declared != null) {
      ArrayNode logicals = location.putArray("logicalLocations");
      if (declared != null && declared.address() != null) {
        ObjectNode d = logicals.addObject();
        d.put("name", declared.address());
        d.put("fullyQualifiedName", declared.file() + "#" + declared.address());
        d.put("kind", "declaration");
      }
      if (named != null) {
        ObjectNode t = logicals.addObject();
        t.put("name", named.label());
        t.put("fullyQualifiedName", named.key());
        t.put("kind", "module");
      }
      if (resource) {
        ObjectNode logical = logicals.addObject();
        logical.put("name", lastSegment(f.resource()));
        logical.put("fullyQualifiedName", f.resource());
        logical.put("kind", "resource");
      }
    }
    r.putObject("partialFingerprints").put(Fingerprints.VERSION, Fingerprints.of(target, c, f));
    // Only the findings a waiver accepted are suppressed; the others of a partly waived check still fail.
    Report.Waiver waiver = f.waiver() != null ? f.waiver() : c.status() == Status.WAIVED ? c.waiver() : null;
    if ((waiver != null || c.status() == Status.WAIVED) && !"fixed".equals(f.baseline())) {
      ObjectNode s = r.putArray("suppressions").addObject();
      s.put("kind", "external");
      s.put("status", "accepted");
      s.put("justification", waiver == null ? "waived in the exportguard run" : Marks.text(waiver));
    }
    if (f.baseline() != null) r.put("baselineState", f.baseline().equals("fixed") ? "absent" : f.baseline());
    ObjectNode props = r.putObject("properties");
    props.put("status", c.status().id());
    props.put("severity", c.severity().id());
    return r;
  }

  /** A physical location: a file relative to the source root (or absolute), and a line and column when known. */
  private static void physical(ObjectNode location, String file, int line, int column) {
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", policyUri(file));
    if (!isAbsolute(file)) artifact.put("uriBaseId", "%SRCROOT%");
    if (line > 0) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", line);
      if (column > 0) region.put("startColumn", column);
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub reads 9.0+ as critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  private static String problemSeverity(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "recommendation";
    };
  }

  /** An identifier-like name from the title: "Export role trusts ECS" becomes "ExportRoleTrustsEcs". */
  static String ruleName(String title, String id) {
    StringBuilder b = new StringBuilder();
    for (String word : nz(title, "").split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) continue;
      b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.length() == 0 ? nz(id, "Check").replaceAll("[^A-Za-z0-9]", "") : b.toString();
  }

  /** A relative URI reference for the policy file: forward slashes, each segment percent-encoded. */
  static String policyUri(String file) {
    String path = nz(file, "unknown").replace('\\', '/');
    StringBuilder b = new StringBuilder();
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (byte x : bytes) {
      int c = x & 0xff;
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0;
      if (keep) b.append((char) c);
      else b.append('%').append(String.format("%02X", c));
    }
    String uri = b.toString();
    return isAbsolute(file) ? "file://" + (uri.startsWith("/") ? "" : "/") + uri : uri;
  }

  private static boolean isAbsolute(String file) {
    return file != null && (file.startsWith("/") || file.matches("^[A-Za-z]:[\\\\/].*"));
  }

  private static String lastSegment(String resource) {
    int i = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
    return i >= 0 && i < resource.length() - 1 ? resource.substring(i + 1) : resource;
  }

  private static String nz(String s, String fallback) { return s == null || s.isEmpty() ? fallback : s; }
}
