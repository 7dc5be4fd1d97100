package io.exportguard.policy;

import io.exportguard.facts.CheckScope;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.facts.SourceLocation;
import io.exportguard.facts.TargetFacts;
import io.exportguard.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled policy set with the run's status rules: decides a target from its facts document,
 * the evaluation stage of every pipeline. It is thread-safe and compiled once, so one instance
 * evaluates any number of documents, from any number of threads (an account audit's thousands of
 * images): the engine's compiled form is read-only and the status rules are a value. A target's
 * {@link CheckScope} says which checks it is evaluated against; a check requiring an area the run
 * does not cover is {@code skipped} without being evaluated.
 */
public final class CheckEvaluation {
  private final PolicyEngine engine;
  private final StatusRules rules;

  private final Map<String, List<String>> requiredAreas = new HashMap<>();
  private final Map<CheckScope, List<CheckDefinition>> byScope = new java.util.concurrent.ConcurrentHashMap<>();

  public CheckEvaluation(PolicyEngine engine, StatusRules rules) {
    this.engine = engine;
    this.rules = rules;
    for (CheckDefinition c : engine.checks()) requiredAreas.put(c.id(), c.requiredAreas());
  }

  /** The checks every target is evaluated against, ordered by id. */
  public List<CheckDefinition> checks() { return engine.checks(); }

  /**
   * The target's result: every check's status (DESIGN.md's rules), the verdict, and the facts
   * errors. A check whose evaluation failed is that check's {@code error}, never an exception.
   */
  public Report.TargetResult evaluate(TargetFacts target) {
    Facts facts = target.document().facts();
    List<CheckDefinition> applicable = applicable(target.scope());
    // A check whose required area is out of the run's scope is skipped without evaluating it; so is
    // one whose status the facts decide whatever its policy says (StatusRules.decidedByFacts), but
    // that one still counts toward the verdict.
    List<CheckDefinition> toEvaluate = new ArrayList<>(applicable.size());
    Set<String> decidedByFacts = new HashSet<>();
    for (CheckDefinition c : applicable) {
      if (outOfScope(c, facts)) continue;
      if (rules.decidedByFacts(facts, c)) decidedByFacts.add(c.id());
      else toEvaluate.add(c);
    }
    Map<String, RawResult> raw = new HashMap<>();
    for (RawResult r : engine.evaluate(target.document().json(), toEvaluate)) raw.put(r.check().id(), r);
    List<Report.CheckResult> checks = new ArrayList<>();
    Set<String> scopedOut = new HashSet<>();
    Map<String, SourceLocation> where = new LinkedHashMap<>();
    for (CheckDefinition c : applicable) {
      RawResult r = raw.get(c.id());
      if (r == null) {
        if (!decidedByFacts.contains(c.id())) scopedOut.add(c.id());
        r = RawResult.findings(c, List.of(), List.of());
      }
      checks.add(rules.apply(facts, r));
      // A static scan's check whose facts lie outside the scanned files does not affect the verdict either.
      if (!facts.unknown().isEmpty() && rules.outOfScope(facts, c)) scopedOut.add(c.id());
      SourceLocation at = target.sources().isEmpty() ? null : target.sourceFor(c.requires());
      if (at != null) where.put(c.id(), at);
    }
    return new Report.TargetResult(reportTarget(target, where), Verdicts.summarize(checks, facts.errors(), scopedOut),
        checks, facts.errors(), null);
  }

  /** The checks a target of this scope is evaluated against, in id order. */
  public List<CheckDefinition> applicable(CheckScope scope) {
    if (scope.subject() == null) return engine.checks();
    // A run has a few scopes and many targets of each: worked out once per scope.
    List<CheckDefinition> known = byScope.get(scope);
    if (known != null) return known;
    // A loop, not a stream: worked out on a preflight's critical path, where linking lambdas costs more.
    List<CheckDefinition> applicable = new ArrayList<>();
    for (CheckDefinition c : engine.checks()) if (scope.applies(areas(c))) applicable.add(c);
    List<CheckDefinition> mine = List.copyOf(applicable);
    List<CheckDefinition> raced = byScope.putIfAbsent(scope, mine);
    return raced != null ? raced : mine;
  }

  private List<String> areas(CheckDefinition c) {
    List<String> known = requiredAreas.get(c.id());
    return known != null ? known : c.requiredAreas();
  }

  private boolean outOfScope(CheckDefinition c, Facts facts) {
    if (facts.skipped().isEmpty()) return false;
    for (String area : areas(c)) if (facts.isOutOfScope(area)) return true;
    return false;
  }

  /** The report's target; a scanned one carries where it and the facts of each check are declared. */
  private static Report.Target reportTarget(TargetFacts t, Map<String, SourceLocation> checkLocations) {
    Request q = t.document().facts().request();
    return q == null
        ? new Report.Target(t.target().kind(), t.target().label(), null, null, null, null, null, null,
            t.target().location(), checkLocations)
        : new Report.Target(t.target().kind(), t.target().label(), q.regionId(), q.imageId(), q.ossBucket(),
            q.ossPrefix(), q.imageFormat(), q.roleName(), t.target().location(), checkLocations);
  }
}
