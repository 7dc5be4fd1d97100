package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.rego.EvalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The product's evaluation: every check of the built-in pack (deny and warn of each) over a facts
 * document saved by {@code preflight --sandbox demo-pass|demo-fail --save-facts} (in
 * {@code bench/facts/}), through the embedded engine as preflight and eval call it.
 * Run from the project root: {@code mvn -B -ntp -q -Pbench test-compile exec:exec
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main DefaultPackBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DefaultPackBenchmark {

  @Param({"demo-pass", "demo-fail"})
  public String facts;

  private PolicyEngine engine;
  private JsonNode input;

  @Setup
  public void setUp() throws IOException, PolicyLoadException, PolicyDefinitionException {
    LoadedPolicies pack = PolicyLoader.load(new PolicyLoader.Sources(List.of(), true, List.of(), false));
    engine = EmbeddedPolicyEngine.compile(pack, EvalOptions.DEFAULT);
    input = new ObjectMapper().readTree(Path.of("bench", "facts", facts + ".json").toFile());
    List<RawResult> results = engine.evaluate(input);
    if (results.isEmpty()) throw new IllegalStateException("the built-in pack has no checks");
    for (RawResult r : results) {
      if (r.error() != null) throw new IllegalStateException(r.check().id() + ": " + r.error());
    }
  }

  /** All checks over one facts document. */
  @Benchmark
  public List<RawResult> evaluateAllChecks() {
    return engine.evaluate(input);
  }
}
