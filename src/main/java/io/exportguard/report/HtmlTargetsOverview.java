package io.exportguard.report;

import io.exportguard.facts.SourceLocation;
import io.exportguard.report.internal.Marks;
import io.exportguard.report.internal.Ordering;
import io.exportguard.report.internal.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The view of a report of many targets (an account audit's thousands of images) for the HTML page,
 * gathered in one pass over the targets (they may be read back from disk one by one): the totals by
 * region and by check, the targets that need action with the checks that need it, and the passing
 * targets as one short row each. Failing items come first everywhere. A check's description,
 * remediation and policy are given once, in its by-check entry, not again under every target.
 */
final class HtmlTargetsOverview {
  /** The region column of targets that belong to no region (the account, its RAM identities). */
  static final String NO_REGION = "account-wide";
  /** Targets named under a check, at most; the rest are counted (the targets table lists them all). */
  static final int TARGETS_PER_CHECK = 20;

  private final Map<String, int[]> regions = new TreeMap<>();
  private final Map<String, CheckTally> checks = new TreeMap<>();
  private final TreeSet<String> kinds = new TreeSet<>();
  private final Map<String, Integer> passedByKind = new TreeMap<>();
  private final List<Map<String, Object>> attention = new ArrayList<>();
  private final List<Map<String, Object>> passed = new ArrayList<>();

  /** Counts per region: targets, failed, errored, passed, with warnings. */
  private static final int TARGETS = 0, FAILED = 1, ERRORED = 2, PASSED = 3, WARNED = 4;

  /** One check over all targets. */
  private static final class CheckTally {
    final Report.CheckResult first;
    final int[] byStatus = new int[Status.values().length];
    final List<String> labels = new ArrayList<>();

    CheckTally(Report.CheckResult first) { this.first = first; }

    int count(Status s) { return byStatus[s.ordinal()]; }

    int needsAction() { return count(Status.FAIL) + count(Status.ERROR) + count(Status.WARN); }
  }

  static Map<String, Object> of(List<Report.TargetResult> targets) {
    HtmlTargetsOverview o = new HtmlTargetsOverview();
    for (Report.TargetResult t : targets) o.add(t);
    return o.view();
  }

  private void add(Report.TargetResult t) {
    String kind = nz(t.target().kind());
    String region = t.target().regionId() == null ? NO_REGION : nz(t.target().regionId());
    String label = nz(t.target().label());
    kinds.add(kind);
    Verdict verdict = t.summary().verdict();
    int[] r = regions.computeIfAbsent(region, k -> new int[5]);
    r[TARGETS]++;
    r[verdict == Verdict.FAIL ? FAILED : verdict == Verdict.ERROR ? ERRORED : PASSED]++;
    if (t.summary().warned() > 0) r[WARNED]++;

    List<Map<String, Object>> actionable = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Report.CheckResult c : Ordering.byUrgency(t.checks())) {
      CheckTally tally = checks.computeIfAbsent(nz(c.id()), k -> new CheckTally(c));
      tally.byStatus[c.status().ordinal()]++;
      if (c.status() == Status.FAIL || c.status() == Status.ERROR || c.status() == Status.WARN) {
        if (tally.labels.size() < TARGETS_PER_CHECK) tally.labels.add(kind + " " + label);
        ids.add(nz(c.id()));
        actionable.add(checkView(t, c));
      }
    }
    Map<String, Object> v = new HashMap<>();
    v.put("kind", kind);
    v.put("region", region);
    v.put("label", label);
    v.put("verdict", verdict.id());
    v.put("status", verdict == Verdict.PASS ? Status.PASS.id() : verdict == Verdict.FAIL ? Status.FAIL.id()
        : Status.ERROR.id());
    v.put("failed", t.summary().failed());
    v.put("erroredChecks", t.summary().errors());
    v.put("warned", t.summary().warned());
    v.put("passedChecks", t.summary().passed());
    v.put("checkIds", String.join(" ", ids));
    if (verdict == Verdict.PASS && actionable.isEmpty()) {
      passedByKind.merge(kind, 1, Integer::sum);
      passed.add(v);
      return;
    }
    if (verdict == Verdict.PASS) passedByKind.merge(kind, 1, Integer::sum);
    v.put("checks", actionable);
    v.put("errors", t.errors().stream().map(e -> Map.of("area", nz(e.area()), "api", nz(e.api()), "code",
        nz(e.code()), "message", nz(e.message()))).toList());
    attention.add(v);
  }

  /** A check that needs action on one target: its status and findings, each with its own fix. */
  private static Map<String, Object> checkView(Report.TargetResult t, Report.CheckResult c) {
    Map<String, Object> v = new HashMap<>();
    v.put("id", nz(c.id()));
    v.put("title", nz(c.title()));
    v.put("status", c.status().id());
    v.put("severity", c.severity().id());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Report.Finding f : Marks.withFixed(c)) {
      String fix = c.remediationFor(f);
      findings.add(Map.of("msg", nz(f.msg()) + Marks.of(f), "resource", nz(f.resource()),
          "fix", fix == null || fix.equals(c.remediation()) ? "" : nz(fix)));
    }
    if (c.waiver() != null) findings.add(Map.of("msg", Marks.waiver(c), "resource", "", "fix", ""));
    v.put("findings", findings);
    SourceLocation at = t.target().checkLocations().get(c.id());
    v.put("declared", at == null ? "" : nz(at.display()));
    return v;
  }

  private Map<String, Object> view() {
    Map<String, Object> ctx = new HashMap<>();
    List<Map<String, Object>> regionViews = new ArrayList<>();
    regions.forEach((name, n) -> {
      Map<String, Object> v = new HashMap<>();
      v.put("name", name);
      v.put("targets", n[TARGETS]);
      v.put("failed", n[FAILED]);
      v.put("errored", n[ERRORED]);
      v.put("passed", n[PASSED]);
      v.put("warned", n[WARNED]);
      v.put("status", n[FAILED] > 0 ? Status.FAIL.id() : n[ERRORED] > 0 ? Status.ERROR.id() : Status.PASS.id());
      regionViews.add(v);
    });
    regionViews.sort(Comparator.comparingInt((Map<String, Object> v) -> -((int) v.get("failed") + (int) v.get("errored")))
        .thenComparing(v -> (String) v.get("name")));
    ctx.put("regions", regionViews);

    List<CheckTally> tallies = new ArrayList<>(checks.values());
    tallies.sort(Comparator.comparingInt((CheckTally c) -> -c.count(Status.FAIL))
        .thenComparingInt(c -> -c.count(Status.ERROR))
        .thenComparingInt(c -> -c.count(Status.WARN))
        .thenComparing(c -> c.first.severity())
        .thenComparing(c -> nz(c.first.id())));
    List<Map<String, Object>> checkViews = new ArrayList<>();
    for (CheckTally c : tallies) {
      Report.CheckResult d = c.first;
      Map<String, Object> v = new HashMap<>();
      v.put("id", nz(d.id()));
      v.put("title", nz(d.title()));
      v.put("description", nz(d.description()));
      v.put("severity", d.severity().id());
      v.put("prevents", nz(d.prevents()));
      v.put("remediation", nz(d.remediation()));
      v.put("policyFile", nz(d.policyFile()));
      v.put("line", d.line());
      for (Status s : Status.values()) v.put(s.id(), c.count(s));
      v.put("status", c.count(Status.FAIL) > 0 ? Status.FAIL.id() : c.count(Status.ERROR) > 0 ? Status.ERROR.id()
          : c.count(Status.WARN) > 0 ? Status.WARN.id() : c.count(Status.PASS) > 0 ? Status.PASS.id()
          : c.count(Status.SKIPPED) > 0 ? Status.SKIPPED.id() : Status.WAIVED.id());
      v.put("needsAction", c.needsAction());
      v.put("labels", c.labels);
      v.put("more", Math.max(0, c.needsAction() - c.labels.size()));
      checkViews.add(v);
    }
    ctx.put("checks", checkViews);

    attention.sort(Comparator.comparingInt((Map<String, Object> v) -> rank((String) v.get("verdict")))
        .thenComparing(v -> (String) v.get("kind")).thenComparing(v -> (String) v.get("label")));
    ctx.put("attention", attention);
    ctx.put("passed", passed);
    List<String> summary = new ArrayList<>();
    passedByKind.forEach((kind, n) -> summary.add(String.format(java.util.Locale.ROOT, "%,d %s", n, kind)));
    ctx.put("passedSummary", String.join(" · ", summary));
    ctx.put("passedTotal", passedByKind.values().stream().mapToInt(Integer::intValue).sum());
    ctx.put("kinds", List.copyOf(kinds));
    ctx.put("regionNames", List.copyOf(regions.keySet()));
    ctx.put("checkIds", checkViews.stream().filter(v -> (int) v.get("needsAction") > 0).map(v -> v.get("id")).toList());
    return ctx;
  }

  /** Failed first, then errored, then passed with warnings. */
  private static int rank(String verdict) {
    return Verdict.FAIL.id().equals(verdict) ? 0 : Verdict.ERROR.id().equals(verdict) ? 1 : 2;
  }

  private static String nz(String s) { return Text.visibleLines(s); }

  private HtmlTargetsOverview() {}
}
