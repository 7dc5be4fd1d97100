package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.Request;
import io.exportguard.facts.Skipped;
import io.exportguard.facts.TargetFacts;
import io.exportguard.facts.TargetRef;
import io.exportguard.facts.Unknown;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.report.Status;
import io.exportguard.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which checks a target's evaluation asks the engine for, and what it decides without asking. */
class CheckEvaluationTest {
  /** An engine that denies every check it is asked for and records which those were. */
  static final class RecordingEngine implements PolicyEngine {
    final List<CheckDefinition> checks = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    RecordingEngine check(String id, String prevents, String... requires) {
      checks.add(new CheckDefinition(id, "t", "d", "x", Severity.HIGH, prevents, List.of(requires), "fix",
          "exportguard.x." + id, "x.rego", 1));
      return this;
    }

    @Override
    public List<CheckDefinition> checks() { return checks; }

    @Override
    public List<RawResult> evaluate(JsonNode input) { return evaluate(input, checks); }

    @Override
    public List<RawResult> evaluate(JsonNode input, List<CheckDefinition> only) {
      List<RawResult> out = new ArrayList<>();
      for (CheckDefinition c : only) {
        asked.add(c.id());
        out.add(RawResult.findings(c, List.of(new Report.Finding("denied", null)), List.of()));
      }
      return out;
    }
  }

  static TargetFacts target(List<Skipped> skipped, List<Unknown> unknown) {
    Facts facts = new Facts(Facts.SCHEMA, Request.of("cn-hangzhou", "m-1", "b", null, null, null), null, null, null,
        null, null, List.of(), skipped, unknown);
    return new TargetFacts(new TargetRef("request", "t", null), new FactsDocument(facts, FactsJson.mapper().valueToTree(facts)),
        null, java.util.Map.of());
  }

  @Test
  void aCheckWhoseStatusTheFactsDecideIsNotEvaluated() {
    RecordingEngine engine = new RecordingEngine().check("EG-A-001", null, "role.trustPolicy")
        .check("EG-B-001", null, "bucket.acl").check("EG-C-001", "ImageNotSupported", "snapshots");
    CheckEvaluation evaluation = new CheckEvaluation(engine, StatusRules.DEFAULT);
    Report.TargetResult r = evaluation.evaluate(target(List.of(new Skipped("snapshots", "the image does not exist")),
        List.of(new Unknown("role.trustPolicy", "known only after apply"))));
    assertThat(engine.asked).containsExactly("EG-B-001");
    assertThat(r.checks()).extracting(Report.CheckResult::status).containsExactly(Status.SKIPPED, Status.FAIL, Status.SKIPPED);
    assertThat(r.checks().get(0).findings().get(0).msg()).contains("role.trustPolicy is unknown");
  }

  @Test
  void aPreventingCheckSkippedForASkippedAreaStillMakesTheVerdictAnError() {
    RecordingEngine engine = new RecordingEngine().check("EG-C-001", "ImageNotSupported", "snapshots")
        .check("EG-D-001", null, "region");
    // EG-D-001 passes here: an engine that finds nothing.
    CheckEvaluation evaluation = new CheckEvaluation(new PolicyEngine() {
      @Override
      public List<CheckDefinition> checks() { return engine.checks(); }

      @Override
      public List<RawResult> evaluate(JsonNode input) {
        return engine.checks().stream().map(c -> RawResult.findings(c, List.of(), List.of())).toList();
      }
    }, StatusRules.DEFAULT);
    Report.TargetResult r = evaluation.evaluate(target(List.of(new Skipped("snapshots", "the request is invalid")), List.of()));
    assertThat(r.checks()).extracting(Report.CheckResult::status).containsExactly(Status.SKIPPED, Status.PASS);
    assertThat(r.summary().verdict()).isEqualTo(Verdict.ERROR);
  }
}
