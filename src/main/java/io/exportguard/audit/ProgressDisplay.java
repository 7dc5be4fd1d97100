package io.exportguard.audit;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an audit's {@link AuditProgress} while it runs: on a terminal, a progress bar (the
 * progressbar library: targets decided of those found so far, elapsed time and ETA, with regions,
 * calls and throttling beside it); elsewhere (a CI log), one line every {@value #LOG_SECONDS}
 * seconds, with an estimate of the time left once every region is listed; with {@code --quiet},
 * nothing. Progress goes to stderr; the reports go to stdout and files.
 */
public final class ProgressDisplay implements AutoCloseable {
  static final int LOG_SECONDS = 5;

  private final AuditProgress progress;
  private final PrintWriter log;
  private final ScheduledExecutorService ticker;
  private final ProgressBar bar;
  private final long startNanos = System.nanoTime();
  private boolean finished;

  private ProgressDisplay(AuditProgress progress, PrintWriter log, ProgressBar bar, boolean show) {
    this.progress = progress;
    this.log = log;
    this.bar = bar;
    this.ticker = show ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "exportguard-progress");
      t.setDaemon(true);
      return t;
    }) : null;
    if (ticker != null) {
      long period = bar != null ? 500 : LOG_SECONDS * 1000L;
      ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Starts showing progress: a bar when stderr is a terminal, timed lines on {@code log} otherwise,
   * nothing when {@code quiet}.
   */
  public static ProgressDisplay start(AuditProgress progress, PrintWriter log, boolean quiet) {
    if (quiet) return new ProgressDisplay(progress, log, null, false);
    ProgressBar bar = System.console() == null ? null : bar(System.err);
    return new ProgressDisplay(progress, log, bar, true);
  }

  private static ProgressBar bar(PrintStream terminal) {
    return new ProgressBarBuilder().setTaskName("audit").setInitialMax(0).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" targets", 1).setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(terminal))
        .build();
  }

  private synchronized void tick() {
    if (finished) return;
    if (bar != null) {
      bar.maxHint(Math.max(progress.targetsFound(), progress.targetsDecided()));
      bar.stepTo(progress.targetsDecided());
      bar.setExtraMessage(String.format("regions %d/%d, calls %,d, throttled %,d", progress.regionsListed(),
          progress.regionsTotal(), progress.calls(), progress.throttled()));
    } else {
      log.println("exportguard audit: " + progress.line() + ", " + elapsed() + eta());
      log.flush();
    }
  }

  /**
   * {@code , about 40 s left}: the time the remaining targets take at the pace so far, once every
   * region is listed (before that, the number of targets is not known); empty when it cannot say.
   */
  private String eta() {
    long decided = progress.targetsDecided();
    long left = progress.targetsFound() - decided;
    if (decided == 0 || left <= 0 || progress.regionsTotal() == 0 || progress.regionsListed() < progress.regionsTotal()) {
      return "";
    }
    long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L * left / decided;
    return ", about " + format(Duration.ofSeconds(Math.max(1, seconds))) + " left";
  }

  private static String format(Duration d) {
    return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
  }

  private String elapsed() {
    return format(Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Stops the display and says where the audit ended (not with {@code --quiet}). */
  public synchronized void finish() {
    if (finished) return;
    finished = true;
    if (ticker != null) ticker.shutdownNow();
    if (bar != null) {
      bar.maxHint(progress.targetsDecided());
      bar.stepTo(progress.targetsDecided());
      bar.close();
    }
    if (ticker != null) {
      log.println("exportguard audit: " + progress.line() + ", " + elapsed());
      log.flush();
    }
  }

  @Override
  public void close() {
    finish();
  }
}
