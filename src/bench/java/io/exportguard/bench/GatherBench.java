package io.exportguard.bench;

import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.CloudConfig;
import io.exportguard.cloud.Endpoints;
import io.exportguard.cloud.FactGatherer;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Fact gathering against the sandbox with latency injected on every call: concurrent (the
 * product's way) against the same calls made one after the other. Not a unit test; run with
 * {@code bench/gather.sh}. Prints the median and minimum wall time of each.
 */
public final class GatherBench {
  private GatherBench() {}

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "bench/scenarios/latency-50ms.yaml";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Request request = Request.of("cn-hangzhou", "m-bp1demo0001", "my-export-bucket", null, null, null);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try (Sandbox sandbox = Sandbox.start(scenario, 0);
         CloudClients clients = new CloudClients(CloudConfig.of(Endpoints.emulator(sandbox.endpoint().toString()),
             new StaticCredentialsProvider(new BasicCredentials(sandbox.accessKeyId(), sandbox.accessKeySecret()))))) {
      Executor sequential = Runnable::run;
      for (int i = 0; i < 3; i++) { // warm up class loading, JIT and connections
        once(clients, pool, request);
        once(clients, sequential, request);
      }
      List<Long> conc = new ArrayList<>();
      List<Long> seq = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        conc.add(once(clients, pool, request));
        seq.add(once(clients, sequential, request));
      }
      Facts f = new FactGatherer(clients, pool).gather(request, Instant.now(), Duration.ofMinutes(1));
      System.out.printf("errors in gathered facts: %d (must be 0)%n", f.errors().size());
      System.out.printf("concurrent: median %d ms, min %d ms (goal <= 150 ms)%n", median(conc), Collections.min(conc));
      System.out.printf("sequential: median %d ms, min %d ms (goal >= 600 ms)%n", median(seq), Collections.min(seq));
    } finally {
      pool.shutdownNow();
    }
  }

  private static long once(CloudClients clients, Executor executor, Request request) {
    long t0 = System.nanoTime();
    Facts f = new FactGatherer(clients, executor).gather(request, Instant.now(), Duration.ofMinutes(1));
    if (f.image() == null || !f.image().exists()) throw new IllegalStateException("image not gathered: " + f.errors());
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
