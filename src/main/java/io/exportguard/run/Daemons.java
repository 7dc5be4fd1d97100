package io.exportguard.run;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Start-up work run beside the main thread: on a daemon thread, so it can never keep the process alive. */
final class Daemons {
  private Daemons() {}

  static <T> CompletableFuture<T> start(String name, Callable<T> work) {
    return start(name, work, done -> {});
  }

  /**
   * Then, once the future is complete (its waiters go on), does {@code afterwards} with the result
   * on the same thread: work that waiters may also do for themselves, so its failure is ignored.
   */
  static <T> CompletableFuture<T> start(String name, Callable<T> work, java.util.function.Consumer<T> afterwards) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(work.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
      if (!f.isCompletedExceptionally()) {
        try {
          afterwards.accept(f.join());
        } catch (RuntimeException ignored) {
          // a head start only: whoever needs the work does it when it is not done
        }
      }
      Trace.daemonEnded(name);
    }, name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** The daemon's result; an unchecked failure of its work is rethrown as it was thrown. */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw e;
    }
  }
}
