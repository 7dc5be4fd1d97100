package io.exportguard.policy;

import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.facts.SourceLocation;
import io.exportguard.facts.TargetFacts;
import io.exportguard.report.Report;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled policy set with the run's status rules: decides a target from its facts document,
 * the evaluation stage of every pipeline. It is thread-safe and compiled once, so one instance
 * evaluates any number of documents, from any number of threads (an account audit's thousands of
 * images): the engine's compiled form is read-only and the status rules are a value.
 */
public final class CheckEvaluation {
  private final PolicyEngine engine;
  private final StatusRules rules;

  public CheckEvaluation(PolicyEngine engine, StatusRules rules) {
    this.engine = engine;
    this.rules = rules;
  }

  /** The checks every target is evaluated against, ordered by id. */
  public List<CheckDefinition> checks() { return engine.checks(); }

  /**
   * The target's result: every check's status (DESIGN.md's rules), the verdict, and the facts
   * errors. A check whose evaluation failed is that check's {@code error}, never an exception.
   */
  public Report.TargetResult evaluate(TargetFacts target) {
    Facts facts = target.document().facts();
    List<Report.CheckResult> checks = rules.apply(facts, engine.evaluate(target.document().json()));
    Set<String> outOfScope = new HashSet<>();
    Map<String, SourceLocation> where = new LinkedHashMap<>();
    for (CheckDefinition c : engine.checks()) {
      if (!facts.unknown().isEmpty() && rules.outOfScope(facts, c)) outOfScope.add(c.id());
      SourceLocation at = target.sources().isEmpty() ? null : target.sourceFor(c.requires());
      if (at != null) where.put(c.id(), at);
    }
    return new Report.TargetResult(reportTarget(target, where), Verdicts.summarize(checks, facts.errors(), outOfScope),
        checks, facts.errors(), null);
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
