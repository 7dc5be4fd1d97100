package io.exportguard.run;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Start-up work run beside the main thread: on a daemon thread, so it can never keep the process alive. */
final class Daemons {
  private Daemons() {}

  static <T> CompletableFuture<T> start(String name, Callable<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(work.call());
      } catch (Throwable e) {
        f.completeExceptionally(e);
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
