package io.exportguard.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.exportguard.facts.FactError;
import io.exportguard.facts.SourceLocation;
import io.exportguard.report.internal.JsonStyle;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The machine-readable report. A single-target run writes {@code exportguard.report/v1} (DESIGN.md,
 * "Report"), field by field through Jackson's streaming generator so names and order are exactly the
 * contract's, whatever the model grows: {@code prevents} and a finding's {@code resource} are null
 * when absent, and {@code export} appears only when an export ran. Each finding carries its
 * {@code fingerprint} ({@link Fingerprints}) for baselines. A run of many targets writes
 * {@code exportguard.report/v2}: the totals ({@code summary} with the target counts), then
 * {@code targets}, each with the v1 fields ({@code target} adding {@code kind} and {@code label}),
 * then the facts errors that belong to no single target. A scan's targets and checks add the
 * {@code location} they are declared at, and its report adds the {@code scope} it read.
 */
public final class JsonReportWriter implements ReportWriter {

  /** The name {@code --report} knows this format by. */
  public static final String FORMAT = "json";

  private static final JsonFactory FACTORY = JsonStyle.factory();


  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return ".json"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(new NonClosingOutputStream(out), JsonEncoding.UTF8)) {
      g.setPrettyPrinter(JsonStyle.printer());
      g.writeStartObject();
      g.writeStringField("schema", report.schema() == null ? Report.SCHEMA : report.schema());
      writeRunFields(g, report);
      if (report.isSingleTarget()) {
        writeTargetFields(g, report.only(), false);
      } else {
        if (report.scope() != null) writeScope(g, report.scope());
        writeSummary(g, report.summary(), Report.TargetTotals.of(report.targets()));
        writeCatalog(g, catalog(report.targets()));
        g.writeArrayFieldStart("targets");
        if (report.targets() instanceof Report.StoredTargets stored) {
          for (int i = 0; i < stored.size(); i++) copyEntry(g, stored.jsonEntry(i));
        } else {
          for (Report.TargetResult t : report.targets()) {
            g.writeStartObject();
            writeTargetFields(g, t, true);
            g.writeEndObject();
          }
        }
        g.writeEndArray();
        writeErrors(g, report.runErrors());
      }
      if (report.policy() != null) writePolicy(g, report.policy());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /**
   * A stored target's entry (written by {@link #writeTargetFields}) copied token by token, so the
   * generator lays it out as it would have written it.
   */
  static void copyEntry(JsonGenerator g, byte[] entry) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(entry)) {
      p.nextToken();
      g.copyCurrentStructure(p);
    }
  }

  /** The fields of the run itself, shared with the JSON Lines header: tool, start and duration. */
  static void writeRunFields(JsonGenerator g, Report report) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", report.tool().name());
    g.writeStringField("version", report.tool().version());
    g.writeEndObject();
    g.writeStringField("startedAt", report.startedAt() == null ? null
        : report.startedAt().truncatedTo(ChronoUnit.MILLIS).toString());
    g.writeNumberField("durationMs", report.durationMs());
  }

  static void writePolicy(JsonGenerator g, Report.PolicySource p) throws IOException {
    g.writeObjectFieldStart("policy");
    g.writeStringField("sha256", p.sha256());
    g.writeArrayFieldStart("bundles");
    for (Report.BundleRef b : p.bundles()) {
      g.writeStartObject();
      g.writeStringField("name", b.name());
      g.writeStringField("revision", b.revision());
      g.writeArrayFieldStart("roots");
      for (String r : b.roots()) g.writeString(r);
      g.writeEndArray();
      g.writeStringField("signature", b.signature());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * One target's fields: those of the single-target report (DESIGN.md) in its order; in a report of
   * many targets the target also names its kind and label, and each check only what differs from
   * target to target ({@code id}, {@code status}, {@code findings}): its title, severity, prevents
   * code, remediation and place are said once, in the report's {@code checks} catalog, so thousands
   * of targets do not repeat them thousands of times.
   */
  static void writeTargetFields(JsonGenerator g, Report.TargetResult r, boolean named) throws IOException {
    writeTarget(g, r.target(), named);
    writeSummary(g, r.summary(), null);
    g.writeArrayFieldStart("checks");
    for (Report.CheckResult c : r.checks()) {
      if (named) writeCheckResult(g, r.target(), c);
      else writeCheck(g, r.target(), c);
    }
    g.writeEndArray();
    writeErrors(g, r.errors());
    if (r.export() != null) writeExport(g, r.export());
  }

  /**
   * Every check that appears in some target, once, with what a target's entry leaves out (its
   * description and area): a reader of a report of many targets ({@link ReportReader}) takes them
   * from here.
   */
  static void writeCatalog(JsonGenerator g, java.util.Collection<Report.CheckResult> checks) throws IOException {
    g.writeArrayFieldStart("checks");
    for (Report.CheckResult c : checks) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("title", c.title());
      g.writeStringField("description", c.description());
      g.writeStringField("area", c.area());
      g.writeStringField("severity", c.severity().id());
      g.writeStringField("prevents", c.prevents());
      g.writeStringField("remediation", c.remediation());
      g.writeStringField("policyFile", c.policyFile());
      g.writeNumberField("line", c.line());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** The distinct checks of the targets, by id (one pass over them). */
  static java.util.Collection<Report.CheckResult> catalog(java.util.List<Report.TargetResult> targets) {
    if (targets instanceof Report.StoredTargets stored) return stored.catalog();
    java.util.TreeMap<String, Report.CheckResult> byId = new java.util.TreeMap<>();
    for (Report.TargetResult t : targets) {
      for (Report.CheckResult c : t.checks()) byId.putIfAbsent(c.id(), c);
    }
    return byId.values();
  }

  /**
   * What a run of many targets covered: command, subject, settings in order, and the shard (only for
   * one); a scan adds the files it read or left out ({@code inputs}) and what lies outside them ({@code notes}).
   */
  static void writeScope(JsonGenerator g, Report.Scope s) throws IOException {
    g.writeObjectFieldStart("scope");
    g.writeStringField("command", s.command());
    g.writeStringField("subject", s.subject());
    g.writeObjectFieldStart("settings");
    for (var e : s.settings().entrySet()) g.writeStringField(e.getKey(), e.getValue());
    g.writeEndObject();
    if (s.shard() != null) g.writeStringField("shard", s.shard());
    if (!s.inputs().isEmpty()) {
      g.writeArrayFieldStart("inputs");
      for (Report.Input i : s.inputs()) {
        g.writeStartObject();
        g.writeStringField("path", i.path());
        g.writeStringField("kind", i.kind());
        g.writeBooleanField("ignored", i.ignored());
        g.writeStringField("detail", i.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (String n : s.notes()) g.writeString(n);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void writeErrors(JsonGenerator g, List<FactError> errors) throws IOException {
    g.writeArrayFieldStart("errors");
    for (FactError e : errors) {
      g.writeStartObject();
      g.writeStringField("area", e.area());
      g.writeStringField("api", e.api());
      g.writeStringField("code", e.code());
      g.writeStringField("message", e.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeTarget(JsonGenerator g, Report.Target t, boolean named) throws IOException {
    g.writeObjectFieldStart("target");
    if (named) {
      g.writeStringField("kind", t.kind());
      g.writeStringField("label", t.label());
    }
    g.writeStringField("regionId", t.regionId());
    g.writeStringField("imageId", t.imageId());
    g.writeStringField("ossBucket", t.ossBucket());
    g.writeStringField("ossPrefix", t.ossPrefix());
    g.writeStringField("imageFormat", t.imageFormat());
    g.writeStringField("roleName", t.roleName());
    if (t.location() != null) writeLocation(g, "location", t.location());
    g.writeEndObject();
  }

  /** Where a scanned target or check is declared: the file and line, and the .tf source it came from. */
  private static void writeLocation(JsonGenerator g, String field, SourceLocation at) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("file", at.file());
    g.writeNumberField("line", at.line());
    g.writeNumberField("column", at.column());
    g.writeStringField("address", at.address());
    if (at.definedAt() != null) writeLocation(g, "definedAt", at.definedAt());
    g.writeEndObject();
  }

  /** A summary; {@code targets} (for a report of many) adds how many targets there were and how they went. */
  static void writeSummary(JsonGenerator g, Report.Summary s, Report.TargetTotals targets) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeStringField("verdict", s.verdict().id());
    if (targets != null) {
      g.writeNumberField("targets", targets.targets());
      g.writeNumberField("targetsPassed", targets.passed());
      g.writeNumberField("targetsFailed", targets.failed());
      g.writeNumberField("targetsErrored", targets.errored());
    }
    g.writeNumberField("passed", s.passed());
    g.writeNumberField("warned", s.warned());
    g.writeNumberField("failed", s.failed());
    g.writeNumberField("errors", s.errors());
    g.writeNumberField("skipped", s.skipped());
    g.writeNumberField("waived", s.waived());
    g.writeEndObject();
  }

  /** A check's outcome for one target of many (the rest is in the catalog). */
  private static void writeCheckResult(JsonGenerator g, Report.Target target, Report.CheckResult c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("status", c.status().id());
    writeFindings(g, target, c);
    writeWaiverAndFixed(g, c);
    SourceLocation declared = target.checkLocations().get(c.id());
    if (declared != null) writeLocation(g, "location", declared);
    g.writeEndObject();
  }

  private static void writeCheck(JsonGenerator g, Report.Target target, Report.CheckResult c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("title", c.title());
    g.writeStringField("severity", c.severity().id());
    g.writeStringField("status", c.status().id());
    g.writeStringField("prevents", c.prevents());
    writeFindings(g, target, c);
    g.writeStringField("remediation", c.remediation());
    g.writeStringField("policyFile", c.policyFile());
    g.writeNumberField("line", c.line());
    writeWaiverAndFixed(g, c);
    g.writeEndObject();
  }

  /** The waiver that accepted a check's findings, and the --baseline findings that are gone. */
  private static void writeWaiverAndFixed(JsonGenerator g, Report.CheckResult c) throws IOException {
    if (c.waiver() != null) writeWaiver(g, c.waiver());
    if (c.fixed() != null) {
      g.writeArrayFieldStart("fixed");
      for (Report.Finding f : c.fixed()) {
        g.writeStartObject();
        g.writeStringField("msg", f.msg());
        g.writeStringField("resource", f.resource());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private static void writeWaiver(JsonGenerator g, Report.Waiver w) throws IOException {
    g.writeObjectFieldStart("waiver");
    g.writeStringField("reason", w.reason());
    g.writeStringField("owner", w.owner());
    g.writeStringField("expires", w.expires());
    g.writeStringField("source", w.source());
    g.writeEndObject();
  }

  private static void writeFindings(JsonGenerator g, Report.Target target, Report.CheckResult c) throws IOException {
    g.writeArrayFieldStart("findings");
    for (Report.Finding f : nonNull(c.findings())) {
      g.writeStartObject();
      g.writeStringField("msg", f.msg());
      g.writeStringField("resource", f.resource());
      if (f.remediation() != null) g.writeStringField("remediation", f.remediation());
      g.writeStringField("fingerprint", Fingerprints.of(target, c, f));
      if (f.baseline() != null) g.writeStringField("baseline", f.baseline());
      if (f.waiver() != null) writeWaiver(g, f.waiver());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeExport(JsonGenerator g, Report.ExportRecord e) throws IOException {
    g.writeObjectFieldStart("export");
    g.writeStringField("taskId", e.taskId());
    g.writeStringField("status", e.status());
    g.writeArrayFieldStart("objects");
    for (Report.ExportedObject o : nonNull(e.objects())) {
      g.writeStartObject();
      g.writeStringField("key", o.key());
      g.writeNumberField("size", o.size());
      g.writeStringField("etag", o.etag());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("factsSha256", e.factsSha256());
    g.writeStringField("policiesSha256", e.policiesSha256());
    g.writeEndObject();
  }

  private static <T> List<T> nonNull(List<T> list) { return list == null ? List.of() : list; }
}
