package io.exportguard.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.exportguard.facts.FactError;
import io.exportguard.report.internal.JsonStyle;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The machine-readable report, {@code exportguard.report/v1} (DESIGN.md, "Report"). Written field by
 * field through Jackson's streaming generator so names and order are exactly the contract's, whatever
 * the model grows: {@code prevents} and a finding's {@code resource} are null when absent, and
 * {@code export} appears only when an export ran.
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
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", report.tool().name());
      g.writeStringField("version", report.tool().version());
      g.writeEndObject();
      g.writeStringField("startedAt", report.startedAt() == null ? null
          : report.startedAt().truncatedTo(ChronoUnit.MILLIS).toString());
      g.writeNumberField("durationMs", report.durationMs());
      writeTarget(g, report.target());
      writeSummary(g, report.summary());
      g.writeArrayFieldStart("checks");
      for (Report.CheckResult c : nonNull(report.checks())) writeCheck(g, c);
      g.writeEndArray();
      g.writeArrayFieldStart("errors");
      for (FactError e : nonNull(report.errors())) {
        g.writeStartObject();
        g.writeStringField("area", e.area());
        g.writeStringField("api", e.api());
        g.writeStringField("code", e.code());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (report.export() != null) writeExport(g, report.export());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeTarget(JsonGenerator g, Report.Target t) throws IOException {
    g.writeObjectFieldStart("target");
    g.writeStringField("regionId", t.regionId());
    g.writeStringField("imageId", t.imageId());
    g.writeStringField("ossBucket", t.ossBucket());
    g.writeStringField("ossPrefix", t.ossPrefix());
    g.writeStringField("imageFormat", t.imageFormat());
    g.writeStringField("roleName", t.roleName());
    g.writeEndObject();
  }

  private static void writeSummary(JsonGenerator g, Report.Summary s) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeStringField("verdict", s.verdict().id());
    g.writeNumberField("passed", s.passed());
    g.writeNumberField("warned", s.warned());
    g.writeNumberField("failed", s.failed());
    g.writeNumberField("errors", s.errors());
    g.writeNumberField("skipped", s.skipped());
    g.writeNumberField("waived", s.waived());
    g.writeEndObject();
  }

  private static void writeCheck(JsonGenerator g, Report.CheckResult c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("title", c.title());
    g.writeStringField("severity", c.severity().id());
    g.writeStringField("status", c.status().id());
    g.writeStringField("prevents", c.prevents());
    g.writeArrayFieldStart("findings");
    for (Report.Finding f : nonNull(c.findings())) {
      g.writeStartObject();
      g.writeStringField("msg", f.msg());
      g.writeStringField("resource", f.resource());
      if (f.remediation() != null) g.writeStringField("remediation", f.remediation());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("remediation", c.remediation());
    g.writeStringField("policyFile", c.policyFile());
    g.writeNumberField("line", c.line());
    g.writeEndObject();
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
