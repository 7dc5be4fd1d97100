package io.exportguard.bench;

import io.exportguard.policy.CheckDefinition;
import io.exportguard.policy.CheckDiscovery;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.Value;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decisions per second for the default pack: the same decisions (one check package's document,
 * {@code data.exportguard.<area>.<check>}, for one facts document, round-robin over every check)
 * made in-process through the engine's API, and over HTTP on loopback against {@code exportguard
 * serve} with the JDK's HttpClient as the load generator. Run with {@code bench/serve.sh}.
 *
 * <p>Arguments: facts file, server URL, threads, warm-up seconds, measured seconds.
 */
public final class OpaServeBench {
  private OpaServeBench() {}

  interface Decision {
    void make(int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String facts = Files.readString(Path.of(args[0]));
    String url = args[1];
    int threads = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    PolicySet pack = PolicyLoader.load(PolicyLoader.Sources.defaults()).compile();
    List<String> packages = new ArrayList<>();
    for (CheckDefinition c : CheckDiscovery.discover(pack.packages())) packages.add(c.packagePath());
    EvalOptions options = EvalOptions.DEFAULT;

    double local = run("in-process", threads, warmup, seconds, i -> {
      Value input = Json.parse(facts);
      QueryResult r = pack.eval("data." + packages.get(i % packages.size()), input, options);
      if (!r.defined()) throw new IllegalStateException("undefined");
    });

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String body = "{\"input\":" + facts + "}";
    List<URI> uris = packages.stream().map(p -> URI.create(url + "/v1/data/" + p.replace('.', '/'))).toList();
    double remote = run("HTTP", threads, warmup, seconds, i -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uris.get(i % uris.size()))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200 || !r.body().startsWith("{\"result\":")) {
        throw new IllegalStateException(r.statusCode() + " " + r.body());
      }
    });
    System.out.printf("checks=%d threads=%d seconds=%d%n", packages.size(), threads, seconds);
    System.out.printf("in-process: %.0f decisions/s%nHTTP:       %.0f decisions/s%nratio HTTP/in-process: %.3f%n",
        local, remote, remote / local);
  }

  private static double run(String name, int threads, int warmup, int seconds, Decision d) throws Exception {
    measure(threads, warmup, d);
    double rate = measure(threads, seconds, d);
    System.out.printf("%s: %.0f decisions/s%n", name, rate);
    return rate;
  }

  /** Decisions per second over this many seconds with this many threads, each making decisions back to back. */
  private static double measure(int threads, int seconds, Decision d) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong count = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread w = new Thread(() -> {
        int i = offset;
        try {
          while (!stop.get()) {
            d.make(i++);
            count.incrementAndGet();
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      workers.add(w);
    }
    long t0 = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread w : workers) w.join();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (!failures.isEmpty()) throw new IllegalStateException("a decision failed", failures.get(0));
    return count.get() / elapsed;
  }
}
