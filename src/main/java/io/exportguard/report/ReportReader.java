package io.exportguard.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.facts.FactError;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the JSON report back into the model ({@link JsonReportWriter}'s output): what {@code report
 * merge} combines, and how a spool of decided targets ({@link TargetSpool}) is read. A report of many
 * targets is read as a stream, one target at a time, so its size does not bound the heap. A file
 * that is not such a report is a {@link ReportFormatException} naming the file and what is wrong.
 */
public final class ReportReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Everything of a report of many targets but the targets themselves.
   *
   * @param policy the policy section (bundles loaded), or null
   */
  public record Header(String schema, Report.Tool tool, Instant startedAt, long durationMs, Report.Scope scope,
                       Map<String, CheckMeta> checks, List<FactError> runErrors, Report.PolicySource policy) {}

  /** What the report's check catalog says of a check, which each target's entry leaves out. */
  public record CheckMeta(String id, String title, String description, String area, Severity severity,
                          String prevents, String remediation, String policyFile, int line) {
    static CheckMeta of(Report.CheckResult c) {
      return new CheckMeta(c.id(), c.title(), c.description(), c.area(), c.severity(), c.prevents(), c.remediation(),
          c.policyFile(), c.line());
    }
  }

  private ReportReader() {}

  /**
   * Reads a report of many targets ({@value Report#SCHEMA_TARGETS}): each target goes to
   * {@code targets} as it is read; the rest comes back.
   */
  public static Header readTargets(InputStream in, String name, Consumer<Report.TargetResult> targets)
      throws IOException {
    String schema = null;
    Report.Tool tool = null;
    Instant startedAt = null;
    long durationMs = 0;
    Report.Scope scope = null;
    Map<String, CheckMeta> checks = new LinkedHashMap<>();
    List<FactError> errors = List.of();
    Report.PolicySource policy = null;
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new ReportFormatException(name + ": not a JSON report (expected an object)");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "schema" -> schema = p.getValueAsString();
          case "targets" -> {
            if (!Report.SCHEMA_TARGETS.equals(schema)) {
              throw new ReportFormatException(name + ": schema is " + schema + ", expected " + Report.SCHEMA_TARGETS
                  + " (a report of many targets)");
            }
            if (p.currentToken() != JsonToken.START_ARRAY) throw new ReportFormatException(name + ": targets is not a list");
            while (p.nextToken() == JsonToken.START_OBJECT) targets.accept(target(p.readValueAsTree(), checks, name));
          }
          default -> {
            JsonNode v = p.readValueAsTree();
            switch (field) {
              case "tool" -> tool = new Report.Tool(text(v, "name"), text(v, "version"));
              case "startedAt" -> startedAt = instant(v, name);
              case "durationMs" -> durationMs = v.asLong();
              case "scope" -> scope = scope(v);
              case "checks" -> {
                for (JsonNode c : v) checks.put(text(c, "id"), meta(c, name));
              }
              case "errors" -> errors = errors(v);
              case "policy" -> policy = policy(v);
              default -> { }
            }
          }
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportFormatException(name + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not JSON: " + e.getOriginalMessage());
    }
    if (!Report.SCHEMA_TARGETS.equals(schema)) {
      throw new ReportFormatException(name + ": schema is " + (schema == null ? "missing" : schema) + ", expected "
          + Report.SCHEMA_TARGETS + " (a report of many targets)");
    }
    if (tool == null) throw new ReportFormatException(name + ": tool is missing");
    return new Header(schema, tool, startedAt, durationMs, scope, checks, errors, policy);
  }

  /** One target's entry (an element of {@code targets}, or a line of JSON Lines). */
  public static Report.TargetResult target(JsonNode t, Map<String, CheckMeta> catalog, String name) {
    JsonNode tg = t.path("target");
    Report.Target target = new Report.Target(text(tg, "kind"), text(tg, "label"), text(tg, "regionId"),
        text(tg, "imageId"), text(tg, "ossBucket"), text(tg, "ossPrefix"), text(tg, "imageFormat"), text(tg, "roleName"));
    List<Report.CheckResult> checks = new ArrayList<>();
    for (JsonNode c : t.path("checks")) {
      String id = text(c, "id");
      CheckMeta meta = catalog.get(id);
      if (meta == null) throw new ReportFormatException(name + ": check " + id + " is not in the report's checks");
      List<Report.Finding> findings = new ArrayList<>();
      for (JsonNode f : c.path("findings")) {
        findings.add(new Report.Finding(text(f, "msg"), text(f, "resource"), text(f, "remediation"),
            text(f, "baseline"), waiver(f.get("waiver"))));
      }
      List<Report.Finding> fixed = null;
      if (c.get("fixed") != null && c.get("fixed").isArray()) {
        fixed = new ArrayList<>();
        for (JsonNode f : c.get("fixed")) {
          fixed.add(new Report.Finding(text(f, "msg"), text(f, "resource")).marked("fixed"));
        }
      }
      checks.add(new Report.CheckResult(id, meta.title(), meta.description(), meta.area(), meta.severity(),
          status(text(c, "status"), name), meta.prevents(), findings, meta.remediation(), meta.policyFile(),
          meta.line(), waiver(c.get("waiver")), fixed));
    }
    JsonNode s = t.path("summary");
    Report.Summary summary = new Report.Summary(verdict(text(s, "verdict"), name), s.path("passed").asInt(),
        s.path("warned").asInt(), s.path("failed").asInt(), s.path("errors").asInt(), s.path("skipped").asInt(),
        s.path("waived").asInt());
    Report.ExportRecord export = null;
    JsonNode e = t.get("export");
    if (e != null && e.isObject()) {
      List<Report.ExportedObject> objects = new ArrayList<>();
      for (JsonNode o : e.path("objects")) objects.add(new Report.ExportedObject(text(o, "key"), o.path("size").asLong(), text(o, "etag")));
      export = new Report.ExportRecord(text(e, "taskId"), text(e, "status"), objects, text(e, "factsSha256"),
          text(e, "policiesSha256"));
    }
    return new Report.TargetResult(target, summary, checks, errors(t.path("errors")), export);
  }

  private static Report.PolicySource policy(JsonNode v) {
    if (v == null || !v.isObject()) return null;
    List<Report.BundleRef> bundles = new ArrayList<>();
    for (JsonNode b : v.path("bundles")) {
      List<String> roots = new ArrayList<>();
      b.path("roots").forEach(r -> roots.add(r.asText()));
      bundles.add(new Report.BundleRef(text(b, "name"), text(b, "revision"), roots, text(b, "signature")));
    }
    return new Report.PolicySource(text(v, "sha256"), bundles);
  }

  /** A waiver object (of a check or a finding), or null when absent. */
  private static Report.Waiver waiver(JsonNode w) {
    if (w == null || !w.isObject()) return null;
    return new Report.Waiver(text(w, "reason"), text(w, "owner"), text(w, "expires"), text(w, "source"));
  }

  private static CheckMeta meta(JsonNode c, String name) {
    Severity severity = Severity.parse(text(c, "severity"));
    if (severity == null) throw new ReportFormatException(name + ": check " + text(c, "id") + " has no known severity");
    return new CheckMeta(text(c, "id"), text(c, "title"), text(c, "description"), text(c, "area"), severity,
        text(c, "prevents"), text(c, "remediation"), text(c, "policyFile"), c.path("line").asInt());
  }

  static Report.Scope scope(JsonNode v) {
    if (v == null || !v.isObject()) return null;
    Map<String, String> settings = new LinkedHashMap<>();
    v.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
    List<Report.Input> inputs = new ArrayList<>();
    for (JsonNode i : v.path("inputs")) {
      inputs.add(new Report.Input(text(i, "path"), text(i, "kind"), i.path("ignored").asBoolean(), text(i, "detail")));
    }
    List<String> notes = new ArrayList<>();
    v.path("notes").forEach(n -> notes.add(n.asText()));
    return new Report.Scope(text(v, "command"), text(v, "subject"), settings, text(v, "shard"), inputs, notes);
  }

  static List<FactError> errors(JsonNode list) {
    List<FactError> out = new ArrayList<>();
    for (JsonNode e : list) out.add(new FactError(text(e, "area"), text(e, "api"), text(e, "code"), text(e, "message")));
    return out;
  }

  private static Status status(String s, String name) {
    try {
      return Status.valueOf(String.valueOf(s).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ReportFormatException(name + ": unknown check status " + s);
    }
  }

  private static Verdict verdict(String s, String name) {
    try {
      return Verdict.valueOf(String.valueOf(s).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ReportFormatException(name + ": unknown verdict " + s);
    }
  }

  private static Instant instant(JsonNode v, String name) {
    if (v == null || v.isNull()) return null;
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new ReportFormatException(name + ": startedAt " + v.asText() + " is not a time");
    }
  }

  /** A text field, null when absent or JSON null. */
  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
