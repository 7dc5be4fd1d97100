package io.exportguard.policy;

import io.exportguard.config.WaiverRule;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the configuration's waivers to one target's results, finding by finding: a finding of a
 * failing or warning check that a current waiver of that check covers (its resource, or a pattern
 * its resource matches, or any finding when the waiver names neither) is marked waived, with the
 * waiver's reason, owner and expiry, never dropped. The check keeps its status while any finding is
 * not waived, and becomes {@code waived} when every one is. A waiver never hides
 * an {@code error} or {@code skipped} check, and a check that names a {@code prevents} code is
 * waived only with {@code acceptExportFailure: true}. While any waiver is configured the results
 * carry one more check, {@value #CHECK_ID}: it fails for each expired waiver (naming it), and for
 * each waiver of a prevents check that lacks {@code acceptExportFailure}.
 */
public final class Waivers {
  public static final String CHECK_ID = "EG-WAIVER-001";

  private final List<WaiverRule> rules;
  private final LocalDate today;
  private final StatusRules statusRules;

  public Waivers(List<WaiverRule> rules, LocalDate today) {
    this(rules, today, StatusRules.DEFAULT);
  }

  /** @param statusRules the run's rules, which say what a check left with only warnings is */
  public Waivers(List<WaiverRule> rules, LocalDate today, StatusRules statusRules) {
    this.rules = List.copyOf(rules);
    this.today = today;
    this.statusRules = statusRules;
  }

  public Report.TargetResult apply(Report.TargetResult r) {
    if (rules.isEmpty()) return r;
    List<Report.Finding> problems = new ArrayList<>();
    for (WaiverRule w : rules) {
      if (w.expiredOn(today)) {
        problems.add(new Report.Finding("waiver of " + w.check() + scope(w) + " (" + w.owner() + ": " + w.reason()
            + ") expired on " + w.expires() + "; renew it with a new expiry or remove it", w.source(),
            "edit " + w.source() + ": set a later expires after reviewing the finding, or delete the waiver"));
      }
    }
    List<Report.CheckResult> checks = new ArrayList<>();
    for (Report.CheckResult c : r.checks()) {
      checks.add(waive(c, problems));
    }
    checks.add(new Report.CheckResult(CHECK_ID, "Every waiver is current and allowed",
        "Waivers of the configuration file expire; an expired one no longer applies and fails this check.",
        "waiver", Severity.HIGH, problems.isEmpty() ? Status.PASS : Status.FAIL, null, List.copyOf(problems),
        "renew or remove the waivers listed", rules.get(0).source().replaceAll(":\\d+$", ""), 0));
    return new Report.TargetResult(r.target(), Verdicts.summarize(checks, r.errors()), checks, r.errors(), r.export());
  }

  /**
   * Marks each finding of a failing or warning check that a current waiver of the check covers (by
   * its resource, or the check as a whole); the check becomes {@code waived} only when every finding
   * is. A waiver of a prevents check without {@code acceptExportFailure} marks nothing and is itself
   * a problem (reported once, however many findings it names).
   */
  private Report.CheckResult waive(Report.CheckResult c, List<Report.Finding> problems) {
    if (c.status() != Status.FAIL && c.status() != Status.WARN) return c;
    List<Report.Finding> marked = new ArrayList<>();
    int waived = 0;
    for (Report.Finding f : c.findings()) {
      WaiverRule w = rules.stream()
          .filter(x -> x.check().equals(c.id()) && !x.expiredOn(today) && x.covers(f.resource()))
          .findFirst().orElse(null);
      if (w != null && c.prevents() != null && !w.acceptExportFailure()) {
        Report.Finding problem = new Report.Finding("waiver of " + c.id() + scope(w) + " does not apply: " + c.id()
            + " predicts the ExportImage error " + c.prevents() + ", so the export would still fail; add"
            + " acceptExportFailure: true to accept that", w.source());
        if (!problems.contains(problem)) problems.add(problem);
        w = null;
      }
      if (w != null) waived++;
      marked.add(w == null ? f : f.waivedBy(asWaiver(w)));
    }
    if (waived == 0) return c;
    Report.CheckResult result = c.withFindings(marked);
    if (waived == marked.size()) return result.waivedBy(marked.get(0).waiver());
    // Every deny finding waived, some warnings not: the check is what its warnings alone make it.
    boolean denyLeft = marked.stream().limit(c.blocking()).anyMatch(f -> f.waiver() == null);
    if (c.status() == Status.FAIL && c.blocking() > 0 && !denyLeft) {
      return result.withStatus(statusRules.warningStatus());
    }
    return result;
  }

  private static Report.Waiver asWaiver(WaiverRule w) {
    return new Report.Waiver(w.reason(), w.owner(), w.expires().toString(), w.source());
  }

  /**
   * One line per waiver that names no check among {@code checkIds} (a typo, or a check since
   * removed): it can never apply, so the user hears of it, with the closest id.
   */
  public List<String> unknownChecks(java.util.Collection<String> checkIds) {
    List<String> out = new ArrayList<>();
    for (WaiverRule w : rules) {
      if (checkIds.contains(w.check())) continue;
      String near = checkIds.stream().filter(id -> io.exportguard.config.Spelling.distance(id, w.check()) <= 2)
          .sorted().findFirst().map(id -> " (did you mean " + id + "?)").orElse("");
      out.add(w.source() + ": the waiver of " + w.check() + " names no loaded check, so it never applies" + near);
    }
    return out;
  }

  private static String scope(WaiverRule w) {
    return w.resource() != null ? " for " + w.resource() : w.pattern() != null ? " for " + w.pattern() : "";
  }
}
