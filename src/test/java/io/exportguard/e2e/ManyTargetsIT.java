package io.exportguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.cloud.SandboxClients;
import io.exportguard.cloud.ScenarioRequest;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.TargetFacts;
import io.exportguard.facts.TargetRef;
import io.exportguard.policy.CheckEvaluation;
import io.exportguard.policy.EmbeddedPolicyEngine;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.StatusRules;
import io.exportguard.rego.EvalOptions;
import io.exportguard.report.Report;
import io.exportguard.report.ReportCollector;
import io.exportguard.report.Verdict;
import io.exportguard.run.TargetPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: one compiled evaluation of the built-in pack decides many facts documents delivered from
 * several threads at once, into one report, with exactly the results it gives one document at a time.
 */
class ManyTargetsIT {
  static final int THREADS = 4;
  static final int TARGETS = 240;
  static final List<FactsDocument> GATHERED = new ArrayList<>();

  /** The facts of every built-in per-code scenario and the two demos, gathered live from the sandbox. */
  @BeforeAll
  static void gatherEveryScenario() {
    List<ScenarioRequest> scenarios = new ArrayList<>(ScenarioRequest.perCode());
    scenarios.add(ScenarioRequest.of(ScenarioRequest.DIR.resolve("demo-pass.yaml")));
    scenarios.add(ScenarioRequest.of(ScenarioRequest.DIR.resolve("demo-fail.yaml")));
    for (ScenarioRequest s : scenarios) {
      try (SandboxClients c = new SandboxClients(s.scenario())) {
        GATHERED.add(FactsDocument.of(c.gather(s.request())));
      }
    }
  }

  /** Target i: scenario i mod n, with a prefix of its own (every third one a prefix the pack rejects). */
  static TargetFacts target(int i) throws Exception {
    FactsDocument base = GATHERED.get(i % GATHERED.size());
    ObjectNode json = base.json().deepCopy();
    ((ObjectNode) json.path("request")).put("ossPrefix", i % 3 == 0 ? "/bad prefix " + i : "exports" + i);
    FactsDocument doc = FactsJson.parse(FactsJson.mapper().writeValueAsString(json), "target-" + i);
    return new TargetFacts(new TargetRef(TargetRef.IMAGE, String.format("target-%03d", i)), doc);
  }

  static List<String> statuses(Report.TargetResult r) {
    return r.checks().stream().map(c -> c.id() + "=" + c.status().id()).toList();
  }

  @Test
  void oneCompiledEvaluationDecidesManyDocumentsOnSeveralThreadsAsItDoesOneByOne() throws Exception {
    CheckEvaluation evaluation = new CheckEvaluation(EmbeddedPolicyEngine.compile(
        PolicyLoader.load(PolicyLoader.Sources.defaults()), EvalOptions.DEFAULT.withTimeout(Duration.ofSeconds(30))),
        StatusRules.DEFAULT);
    List<TargetFacts> targets = new ArrayList<>();
    for (int i = 0; i < TARGETS; i++) targets.add(target(i));

    Map<String, List<String>> oneByOne = new HashMap<>();
    for (TargetFacts t : targets) oneByOne.put(t.target().key(), statuses(evaluation.evaluate(t)));

    Set<String> threads = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    FactsSource concurrent = sink -> {
      for (TargetFacts t : targets) pool.submit(() -> sink.target(t));
      pool.shutdown();
      pool.awaitTermination(2, TimeUnit.MINUTES);
    };
    ReportCollector collector = new ReportCollector(false);
    new TargetPipeline(evaluation, (facts, decided) -> {
      threads.add(Thread.currentThread().getName());
      return decided;
    }).run(concurrent, collector);
    Report report = collector.report(new Report.Tool("exportguard", "test"), Instant.EPOCH, 0);

    assertThat(threads).as("threads that evaluated").hasSizeGreaterThan(1);
    assertThat(report.schema()).isEqualTo(Report.SCHEMA_TARGETS);
    assertThat(report.targets()).hasSize(TARGETS);
    assertThat(report.targets()).extracting(r -> r.target().label()).isSorted();
    for (Report.TargetResult r : report.targets()) {
      assertThat(statuses(r)).as(r.target().key()).isEqualTo(oneByOne.get(r.target().key()));
    }
    // the documents differ: some targets pass, some fail, and the totals add up
    assertThat(report.targets()).extracting(r -> r.summary().verdict()).contains(Verdict.PASS, Verdict.FAIL);
    assertThat(report.summary().verdict()).isEqualTo(Verdict.FAIL);
    int checks = report.targets().stream().mapToInt(r -> r.checks().size()).sum();
    Report.Summary s = report.summary();
    assertThat(s.passed() + s.warned() + s.failed() + s.errors() + s.skipped() + s.waived()).isEqualTo(checks);
  }
}
