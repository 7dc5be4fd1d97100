package io.exportguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import io.exportguard.cloud.ScenarioRequest;
import io.exportguard.policy.EmbeddedPolicyEngine;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.RawResult;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in pack loaded from its compiled form decides exactly as the pack compiled from its
 * sources: every check's denials, warnings and errors over the facts of every sandbox scenario.
 */
class CompiledPackIT {
  @TempDir Path dir;

  @Test
  void theCompiledFormDecidesEveryScenarioAsAFreshCompileDoes() throws Exception {
    List<List<String>> runs = new ArrayList<>();
    for (String demo : List.of("demo-pass", "demo-fail")) {
      runs.add(List.of("preflight", "--sandbox", demo, "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
          "--bucket", "my-export-bucket", "--report", "json", "--out", dir.resolve("reports").toString()));
    }
    for (ScenarioRequest s : ScenarioRequest.perCode()) {
      if (s.request().ossBucket() != null) runs.add(ExportErrorCodesIT.preflightArgs(s, dir.resolve("reports")));
    }
    Map<List<Path>, PolicySet[]> engines = new HashMap<>();
    int compared = 0;
    for (List<String> run : runs) {
      Path facts = dir.resolve("facts-" + compared + ".json");
      List<String> args = new ArrayList<>(run);
      args.addAll(List.of("--save-facts", facts.toString()));
      Cli cli = Cli.run(args.toArray(String[]::new));
      assertThat(facts).as("facts of %s%n%s", run, cli.err()).exists();
      List<Path> data = new ArrayList<>();
      int at = run.indexOf("--data");
      if (at >= 0) data.add(Path.of(run.get(at + 1)));

      PolicySet[] both = engines.computeIfAbsent(data, d -> bothWays(d));
      assertThat(both[0].fromCompiledForm()).isTrue();
      JsonNode input = new ObjectMapper().readTree(Files.readString(facts));
      List<RawResult> expected = new EmbeddedPolicyEngine(both[1], EvalOptions.DEFAULT).evaluate(input);
      List<RawResult> actual = new EmbeddedPolicyEngine(both[0], EvalOptions.DEFAULT).evaluate(input);
      assertThat(actual).as("results over the facts of %s", run).isEqualTo(expected);
      assertThat(expected).isNotEmpty();
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(15);
  }

  /** The pack with these --data files, loaded from its compiled form and compiled afresh. */
  private static PolicySet[] bothWays(List<Path> data) {
    try {
      LoadedPolicies pack = PolicyLoader.load(new PolicyLoader.Sources(List.of(), true, data, false));
      return new PolicySet[] {pack.compile(), Rego.builder().modules(pack.modules()).data(pack.data()).compile()};
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
