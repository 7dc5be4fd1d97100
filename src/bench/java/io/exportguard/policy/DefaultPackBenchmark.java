package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.value.Json;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One evaluation of the built-in policy pack (every check's deny and warn, as preflight runs them)
 * over the pack's own passing facts fixture ({@code data.exportguard.lib.fixtures.facts}).
 * Run: {@code mvn -B -ntp -q -Pbench test-compile exec:exec -Dexec.args="-cp %classpath org.openjdk.jmh.Main DefaultPackBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DefaultPackBenchmark {
  private EmbeddedPolicyEngine engine;
  private JsonNode facts;

  @Setup
  public void setup() throws Exception {
    engine = EmbeddedPolicyEngine.compile(PolicyLoader.load(PolicyLoader.Sources.defaults()), EvalOptions.DEFAULT);
    LoadedPolicies withTests = PolicyLoader.load(new PolicyLoader.Sources(List.of(), true, List.of(), true));
    QueryResult r = withTests.compile().eval("data.exportguard.lib.fixtures.facts", null);
    facts = new ObjectMapper().readTree(Json.write(r.bindings().get(0).get("x")));
    if (engine.evaluate(facts).isEmpty()) throw new IllegalStateException("no checks evaluated");
  }

  @Benchmark
  public List<RawResult> evaluateDefaultPack() {
    return engine.evaluate(facts);
  }
}
