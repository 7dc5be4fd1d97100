package io.exportguard.cloud;

import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.Request;
import io.exportguard.facts.TargetFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Preflight's facts source: the facts of one ExportImage request, gathered live through the SDKs
 * with a pool of daemon threads (so a hung call can never keep the process alive), bounded by the
 * run's timeout; areas still running then are errors.
 */
public final class LiveImageSource implements FactsSource {
  static final int GATHER_THREADS = 16;

  private final CloudClients clients;
  private final Request request;
  private final Instant now;
  private final Duration timeout;

  /** @param now the instant the facts are as of ("this week" counts back from it) */
  public LiveImageSource(CloudClients clients, Request request, Instant now, Duration timeout) {
    this.clients = clients;
    this.request = request;
    this.now = now;
    this.timeout = timeout;
  }

  /** Gathers the one target's facts. */
  public TargetFacts gather() {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(GATHER_THREADS, r -> {
      Thread t = new Thread(r, "exportguard-gather-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      Facts facts = new FactGatherer(clients, pool).gather(request, now, timeout);
      return TargetFacts.of(FactsDocument.of(facts));
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void deliver(Sink sink) { sink.target(gather()); }
}
