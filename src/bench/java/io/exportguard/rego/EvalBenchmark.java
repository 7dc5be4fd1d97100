package io.exportguard.rego;

import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
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
 * One evaluation of a representative ~30-rule export policy over ~5 KB of facts, on one thread.
 * Run: {@code mvn -B -ntp -q -Pbench test-compile exec:exec -Dexec.args="-cp %classpath org.openjdk.jmh.Main EvalBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvalBenchmark {
  private PolicySet policy;
  private Value input;

  @Setup
  public void setup() throws RegoException {
    policy = Rego.compile(List.of(new RegoModule("bench.rego", BenchPolicy.POLICY)), Json.parse(BenchPolicy.DATA));
    input = Json.parse(BenchPolicy.input());
    QueryResult r = policy.eval("data.bench.export.summary", input);
    if (!r.defined()) throw new IllegalStateException("benchmark policy is undefined");
  }

  /** The checker's typical call: every rule of the package (allow, deny, warn, helpers, summary). */
  @Benchmark
  public QueryResult evalPackage() throws RegoException {
    return policy.eval("data.bench.export", input);
  }

  /** Only the deny set (14 definitions and the helpers they use). */
  @Benchmark
  public QueryResult evalDeny() throws RegoException {
    return policy.eval("data.bench.export.deny", input);
  }
}
