package io.exportguard.run;

import java.io.PrintWriter;

/** {@code -Dexportguard.trace=true} prints each phase's time since main began to stderr (for start-up work). */
final class Trace {
  private static final boolean ON = Boolean.getBoolean("exportguard.trace");

  private Trace() {}

  static void phase(PrintWriter err, String phase) {
    if (ON) err.printf("trace %6d ms %s%n", (System.nanoTime() - Prestart.mainStartedNanos) / 1_000_000, phase);
  }
}
