package io.exportguard.audit;

import io.exportguard.cloud.ApiException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One lane of threads per API: the calls of an API run on its own few threads, so an API that waits
 * for its pace (or backs off after throttling) never holds up the others, and every API can use its
 * whole rate at once. Threads are daemons: a hung call never keeps the process alive.
 */
final class Lanes implements AutoCloseable {
  /** One call to one API. */
  interface Call<T> {
    T call() throws ApiException;
  }

  private final int threadsPerApi;
  private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
  private final java.util.Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** @param threadsPerApi calls of one API in flight at once (enough to reach its rate at the service's latency) */
  Lanes(int threadsPerApi) {
    this.threadsPerApi = threadsPerApi;
  }

  /**
   * Runs the call on its API's lane; the future fails with the call's {@link ApiException}, or with
   * code {@code Interrupted} when the lanes are closed before it ran to its end.
   */
  <T> CompletableFuture<T> run(String api, Call<T> call) {
    CompletableFuture<T> f = new CompletableFuture<>();
    pending.add(f);
    f.whenComplete((v, e) -> pending.remove(f));
    try {
      if (closed) throw new java.util.concurrent.RejectedExecutionException();
      lane(api).execute(() -> {
        if (f.isDone()) return;
        try {
          f.complete(call.call());
        } catch (ApiException e) {
          f.completeExceptionally(new CompletionException(e));
        } catch (RuntimeException e) {
          f.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(stopped(api));
    }
    return f;
  }

  private static CompletionException stopped(String api) {
    return new CompletionException(new ApiException(api, "Interrupted", "the audit stopped before this call ran", false));
  }

  private ExecutorService lane(String api) {
    return lanes.computeIfAbsent(api, a -> {
      AtomicInteger n = new AtomicInteger();
      ThreadPoolExecutor pool = new ThreadPoolExecutor(threadsPerApi, threadsPerApi, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "exportguard-" + a.replace(':', '-') + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    });
  }

  /** Stops every lane: queued calls are dropped and running ones interrupted; their futures fail. */
  @Override
  public void close() {
    closed = true;
    lanes.values().forEach(ExecutorService::shutdownNow);
    for (CompletableFuture<?> f : java.util.List.copyOf(pending)) f.completeExceptionally(stopped("-"));
  }
}
