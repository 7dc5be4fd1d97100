package io.exportguard.audit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far an audit has got, counted as it runs: regions listed, images found, targets decided, and
 * (from the {@link ApiPacer}) calls made and throttled. Thread-safe; {@link ProgressDisplay} shows it.
 */
public final class AuditProgress {
  final AtomicInteger regionsTotal = new AtomicInteger();
  final AtomicInteger regionsListed = new AtomicInteger();
  final AtomicLong imagesFound = new AtomicLong();
  final AtomicLong targetsFound = new AtomicLong();
  final AtomicLong targetsDecided = new AtomicLong();
  private final ApiPacer pacer;

  public AuditProgress(ApiPacer pacer) {
    this.pacer = pacer;
  }

  public int regionsTotal() { return regionsTotal.get(); }

  public int regionsListed() { return regionsListed.get(); }

  public long imagesFound() { return imagesFound.get(); }

  /** Targets known so far (every image found, every export, identity, destination and the account). */
  public long targetsFound() { return targetsFound.get(); }

  public long targetsDecided() { return targetsDecided.get(); }

  public long calls() { return pacer.totalCalls(); }

  public long throttled() { return pacer.totalThrottled(); }

  /** {@code regions 5/20, images 2,300, targets 1,950/2,410, calls 812, throttled 0}. */
  public String line() {
    return String.format("regions %d/%d, images %,d, targets %,d/%,d, calls %,d, throttled %,d", regionsListed(),
        regionsTotal(), imagesFound(), targetsDecided(), targetsFound(), calls(), throttled());
  }
}
