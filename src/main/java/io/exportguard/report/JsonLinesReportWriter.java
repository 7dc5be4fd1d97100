package io.exportguard.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.exportguard.report.internal.JsonStyle;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON Lines ({@code --report jsonl}) for very large runs: a first line with what the JSON report
 * has at its top ({@code schema}, {@code tool}, {@code startedAt}, {@code durationMs}, {@code scope},
 * the totals in {@code summary}, the check catalog {@code checks}, the run-level {@code errors}, and
 * the {@code policy} digest and bundles), then one line per target with exactly the fields of an
 * element of the JSON report's {@code targets}, in the same order. Each line stands alone, so the
 * file can be streamed, split and grepped.
 */
public final class JsonLinesReportWriter implements ReportWriter {
  public static final String FORMAT = "jsonl";
  private static final JsonFactory FACTORY = JsonStyle.factory();

  @Override
  public String format() { return FORMAT; }

  @Override
  public String extension() { return ".jsonl"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(new NonClosingOutputStream(out), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("schema", report.isSingleTarget() ? Report.SCHEMA_TARGETS : report.schema());
      JsonReportWriter.writeRunFields(g, report);
      if (report.scope() != null) JsonReportWriter.writeScope(g, report.scope());
      JsonReportWriter.writeSummary(g, report.summary(), Report.TargetTotals.of(report.targets()));
      JsonReportWriter.writeCatalog(g, JsonReportWriter.catalog(report.targets()));
      JsonReportWriter.writeErrors(g, report.runErrors());
      if (report.policy() != null) JsonReportWriter.writePolicy(g, report.policy());
      g.writeEndObject();
      g.writeRaw('\n');
      if (report.targets() instanceof Report.StoredTargets stored) {
        for (int i = 0; i < stored.size(); i++) {
          JsonReportWriter.copyEntry(g, stored.jsonEntry(i));
          g.writeRaw('\n');
        }
        return;
      }
      for (Report.TargetResult t : report.targets()) {
        g.writeStartObject();
        JsonReportWriter.writeTargetFields(g, t, true);
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }
}
