package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.report.Fingerprints;
import io.exportguard.report.Report;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous JSON report ({@code --baseline PREVIOUS.json}) to compare a run with, by the stable
 * finding fingerprints: each finding is marked {@code new} or {@code unchanged}, and the previous
 * findings of a check that this run no longer has are listed under it as {@code fixed}. With
 * {@code --fail-on-new}, a check whose failing findings are all unchanged no longer fails the
 * verdict (its status stays {@code fail}: the report still shows the debt) — unless it names a
 * {@code prevents} code (the export would fail, so it always blocks) or is the waiver check.
 */
public final class Baseline {
  /** Findings of the previous report: fingerprint to (check id, finding). */
  private final Map<String, Previous> previous;
  private final boolean failOnNew;

  private record Previous(String target, String checkId, Report.Finding finding) {}

  private Baseline(Map<String, Previous> previous, boolean failOnNew) {
    this.previous = previous;
    this.failOnNew = failOnNew;
  }

  /** Reads a report written by {@code --report json} (one target or many). */
  public static Baseline load(Path file, boolean failOnNew) throws PolicyLoadException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new PolicyLoadException(file.toString(), "cannot read the baseline report (" + e.getClass().getSimpleName() + ")");
    }
    String schema = root == null ? "" : root.path("schema").asText();
    if (!schema.startsWith("exportguard.report/")) {
      throw new PolicyLoadException(file.toString(), "not an exportguard JSON report (schema " + schema + ")");
    }
    List<JsonNode> targets = new ArrayList<>();
    if (root.has("targets")) root.path("targets").forEach(targets::add);
    else targets.add(root);
    Map<String, Previous> out = new LinkedHashMap<>();
    for (JsonNode t : targets) {
      String label = label(t.path("target"));
      for (JsonNode c : t.path("checks")) {
        for (JsonNode f : c.path("findings")) {
          String fp = f.path("fingerprint").asText("");
          if (fp.isEmpty()) {
            throw new PolicyLoadException(file.toString(), "its findings have no fingerprint (an older report);"
                + " write a new baseline with this version");
          }
          out.put(fp, new Previous(label, c.path("id").asText(), new Report.Finding(text(f, "msg"), text(f, "resource"))));
        }
      }
    }
    return new Baseline(out, failOnNew);
  }

  /** One target's results marked against the baseline, the verdict adjusted for {@code --fail-on-new}. */
  public Report.TargetResult apply(Report.TargetResult r) {
    List<Report.CheckResult> checks = new ArrayList<>();
    List<Report.CheckResult> softened = new ArrayList<>();
    String target = label(r.target());
    for (Report.CheckResult c : r.checks()) {
      List<Report.Finding> marked = new ArrayList<>();
      Set<String> now = new HashSet<>();
      boolean anyNew = false;
      for (Report.Finding f : c.findings()) {
        String fp = Fingerprints.of(r.target(), c, f);
        now.add(fp);
        boolean known = previous.containsKey(fp);
        anyNew |= !known && f.waiver() == null; // a waived finding fails nothing, new or not
        marked.add(f.marked(known ? "unchanged" : "new"));
      }
      // --fail-on-new lets an old failure pass, unless the check predicts an ExportImage error (a
      // certain failure is never softened) or is the waiver check (an expired waiver always fails).
      boolean soften = c.status() == Status.FAIL && !anyNew && c.prevents() == null && !c.id().equals(Waivers.CHECK_ID);
      List<Report.Finding> gone = new ArrayList<>();
      previous.forEach((fp, p) -> {
        if (p.checkId().equals(c.id()) && p.target().equals(target) && !now.contains(fp)) {
          gone.add(p.finding().marked("fixed"));
        }
      });
      checks.add(c.compared(marked, gone));
      softened.add(soften ? asWarning(c) : c);
    }
    Report.Summary s = Verdicts.summarize(checks, r.errors());
    if (failOnNew) {
      // Decided as if the old failures were warnings; the counts stay as they are.
      Verdict v = Verdicts.summarize(softened, r.errors()).verdict();
      s = new Report.Summary(v, s.passed(), s.warned(), s.failed(), s.errors(), s.skipped(), s.waived());
    }
    return new Report.TargetResult(r.target(), s, checks, r.errors(), r.export());
  }

  private static Report.CheckResult asWarning(Report.CheckResult c) {
    return new Report.CheckResult(c.id(), c.title(), c.description(), c.area(), c.severity(), Status.WARN, c.prevents(),
        c.findings(), c.remediation(), c.policyFile(), c.line());
  }

  private static String label(Report.Target t) {
    return t.label() == null ? "" : t.label();
  }

  private static String label(JsonNode target) {
    if (target.has("label")) return target.path("label").asText();
    return target.path("regionId").asText("") + "/" + target.path("imageId").asText("");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
