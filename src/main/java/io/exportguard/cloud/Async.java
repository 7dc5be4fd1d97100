package io.exportguard.cloud;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Small helpers to run API calls as futures on the gathering executor. */
final class Async {
  private Async() {}

  /** One API call. */
  interface Call<T> {
    T call() throws ApiException;
  }

  /** Runs the call on the executor; the future fails with the {@link ApiException} (unwrapped by {@link #cause}). */
  static <T> CompletableFuture<T> run(Executor executor, Call<T> call) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return call.call();
      } catch (ApiException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }

  /** The ApiException behind a failed future, or one describing an unexpected failure. */
  static ApiException cause(Throwable t, String api) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return ApiErrors.from(api, c);
  }
}
