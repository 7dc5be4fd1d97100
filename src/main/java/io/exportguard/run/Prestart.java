package io.exportguard.run;

import com.aliyuncs.IAcsClient;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.DeferredCredentials;
import io.exportguard.sandbox.Sandbox;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up work a preflight can begin before its flags are even parsed, on daemon threads, so it
 * overlaps with the JVM loading the command line: building the core SDK client (its TLS context
 * and connection pool are a slow part of start-up; the credentials it signs with are decided
 * later through {@link DeferredCredentials}), then doing the first signature's and the first OSS
 * client's slow first-use work on that thread (with made-up keys, thrown away), and, for
 * {@code --sandbox}, starting the emulator on loopback. Nothing here reads a credential and nothing
 * is sent anywhere. The first {@link PreflightRunner} of the process takes it and checks it against
 * the parsed flags: work started on a wrong guess is discarded (and a run that never gets that far
 * simply exits).
 */
public final class Prestart {
  /** When main began, for {@code -Dexportguard.trace=true}. */
  static volatile long mainStartedNanos = System.nanoTime();
  private static Prestart pending;

  final DeferredCredentials credentials;
  final CompletableFuture<IAcsClient> coreClient;
  /** Whether the client was built for the loopback emulator alone; the runner checks it against the flags. */
  final boolean emulatorOnly;
  /** The scenario the sandbox was started for, or null. */
  final String sandboxScenario;
  final CompletableFuture<Sandbox> sandbox;

  private Prestart(boolean emulatorOnly, String sandboxScenario) {
    this.emulatorOnly = emulatorOnly;
    credentials = new DeferredCredentials();
    coreClient = CloudClients.startCoreClient(credentials, emulatorOnly);
    this.sandboxScenario = sandboxScenario;
    sandbox = sandboxScenario == null ? null : startSandbox(sandboxScenario);
  }

  /**
   * Called first thing in main when the command is preflight. The arguments are only a guess at
   * this point (picocli has not read them): a client built for the wrong kind of endpoint is
   * discarded by the runner and built again.
   */
  public static synchronized void begin(String[] args) {
    mainStartedNanos = System.nanoTime();
    String envEndpoint = System.getenv("EXPORTGUARD_ENDPOINT");
    boolean emulator = namesEmulator(args) || (envEndpoint != null && envEndpoint.startsWith("http://"));
    if (pending == null) pending = new Prestart(emulator, flagValue(args, "--sandbox"));
  }

  /** The value of {@code --flag V} or {@code --flag=V}, or null. */
  static String flagValue(String[] args, String flag) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(flag) && i + 1 < args.length) return args[i + 1];
      if (args[i].startsWith(flag + "=")) return args[i].substring(flag.length() + 1);
    }
    return null;
  }

  static boolean namesEmulator(String[] args) {
    for (String a : args) {
      if (a.equals("--sandbox") || a.equals("--endpoint") || a.startsWith("--sandbox=") || a.startsWith("--endpoint=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts the emulator on its own daemon thread, which first makes the SDKs' first date
   * formats ({@link CloudClients#prepareDateFormats}): the thread runs beside the command line's parsing,
   * well before the first OSS calls.
   */
  static CompletableFuture<Sandbox> startSandbox(String scenario) {
    return Daemons.start("exportguard-sandbox-start", () -> {
      CloudClients.prepareDateFormats();
      return Sandbox.start(scenario, 0);
    });
  }

  /** The started work, once; null when none was started (in-process runs, tests). */
  static synchronized Prestart take() {
    Prestart p = pending;
    pending = null;
    return p;
  }
}
