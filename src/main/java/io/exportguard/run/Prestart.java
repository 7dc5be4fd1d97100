package io.exportguard.run;

import com.aliyuncs.IAcsClient;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.DeferredCredentials;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work a preflight can begin before its flags are even parsed, on daemon threads, so it
 * overlaps with the JVM loading the command line: building the core SDK client (its TLS context
 * and connection pool are the slowest part of start-up; the credentials it signs with are decided
 * later through {@link DeferredCredentials}). Nothing here reads a flag, a file the user named or a
 * credential, and nothing is sent anywhere. The first {@link PreflightRunner} of the process takes
 * it; a run that ends before using it discards the client.
 */
public final class Prestart {
  /** When main began, for {@code -Dexportguard.trace=true}. */
  static volatile long mainStartedNanos = System.nanoTime();
  private static Prestart pending;

  final DeferredCredentials credentials;
  final CompletableFuture<IAcsClient> coreClient;
  /** Whether the client was built for the loopback emulator alone; the runner checks it against the flags. */
  final boolean emulatorOnly;

  private Prestart(boolean emulatorOnly) {
    this.emulatorOnly = emulatorOnly;
    credentials = new DeferredCredentials();
    coreClient = CloudClients.startCoreClient(credentials, emulatorOnly);
  }

  /**
   * Called first thing in main when the command is preflight. The arguments are only a guess at
   * this point (picocli has not read them): a client built for the wrong kind of endpoint is
   * discarded by the runner and built again.
   */
  public static synchronized void begin(String[] args) {
    mainStartedNanos = System.nanoTime();
    if (pending == null) pending = new Prestart(namesEmulator(args));
  }

  static boolean namesEmulator(String[] args) {
    for (String a : args) {
      if (a.equals("--sandbox") || a.equals("--endpoint") || a.startsWith("--sandbox=") || a.startsWith("--endpoint=")) {
        return true;
      }
    }
    return false;
  }

  /** The started work, once; null when none was started (in-process runs, tests). */
  static synchronized Prestart take() {
    Prestart p = pending;
    pending = null;
    return p;
  }
}
