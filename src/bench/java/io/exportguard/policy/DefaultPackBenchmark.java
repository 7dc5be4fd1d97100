package io.exportguard.policy;

import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.CloudConfig;
import io.exportguard.cloud.Endpoints;
import io.exportguard.cloud.FactGatherer;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.Request;
import io.exportguard.rego.EvalOptions;
import io.exportguard.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The default policy pack evaluated over the facts of a sandbox scenario, as preflight does it
 * (every check's deny and warn). Facts are gathered once in setup through the real SDK clients.
 * Run: {@code bench/jmh.sh DefaultPackBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DefaultPackBenchmark {
  @Param({"demo-pass", "demo-fail"})
  public String scenario;

  private PolicyEngine engine;
  private JsonNode input;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    engine = EmbeddedPolicyEngine.compile(PolicyLoader.load(PolicyLoader.Sources.defaults()), EvalOptions.DEFAULT);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Sandbox sandbox = Sandbox.start(scenario, 0);
         CloudClients clients = new CloudClients(CloudConfig.of(Endpoints.emulator(sandbox.endpoint().toString()),
             new StaticCredentialsProvider(new BasicCredentials(sandbox.accessKeyId(), sandbox.accessKeySecret()))))) {
      Facts facts = new FactGatherer(clients, pool).gather(
          Request.of("cn-hangzhou", "m-bp1demo0001", "my-export-bucket", null, null, null), Instant.now(),
          Duration.ofSeconds(30));
      input = FactsDocument.of(facts).json();
    } finally {
      pool.shutdownNow();
    }
    List<RawResult> results = engine.evaluate(input);
    if (results.isEmpty()) throw new IllegalStateException("the default pack defines no checks");
  }

  @TearDown(Level.Trial)
  public void tearDown() { engine.close(); }

  /** Every check of the pack, deny and warn, one thread. */
  @Benchmark
  public List<RawResult> evaluatePack() {
    return engine.evaluate(input);
  }
}
