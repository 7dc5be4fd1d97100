package io.exportguard.cloud;

import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A sandbox scenario with the product's clients pointed at it, for gathering tests. */
public final class SandboxClients implements AutoCloseable {
  public final Sandbox sandbox;
  public final CloudClients clients;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  public SandboxClients(String scenario) {
    this(scenario, RetryPolicy.DEFAULT);
  }

  public SandboxClients(String scenario, RetryPolicy retry) {
    this(scenario, retry, Duration.ofSeconds(3));
  }

  public SandboxClients(String scenario, RetryPolicy retry, Duration readTimeout) {
    sandbox = Sandbox.start(scenario, 0);
    clients = new CloudClients(CloudConfig.of(Endpoints.emulator(sandbox.endpoint().toString()),
        new StaticCredentialsProvider(new BasicCredentials(sandbox.accessKeyId(), sandbox.accessKeySecret())))
        .withRetry(retry).withReadTimeout(readTimeout));
  }

  public Facts gather(Request r) {
    return new FactGatherer(clients, pool).gather(r, Instant.now(), Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    pool.shutdownNow();
    clients.close();
    sandbox.close();
  }
}
