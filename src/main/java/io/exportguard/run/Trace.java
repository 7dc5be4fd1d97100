package io.exportguard.run;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * {@code -Dexportguard.trace=true} prints, to stderr, each phase's wall time since main began and
 * the CPU time the whole process has used by then, and each start-up daemon's own CPU time when it
 * ends (for start-up work: on a shared, loaded machine the CPU times are the figures that hold).
 */
final class Trace {
  static final boolean ON = Boolean.getBoolean("exportguard.trace");

  private Trace() {}

  static void phase(PrintWriter err, String phase) {
    if (ON) err.printf("trace %6d ms wall %6d ms cpu  %s%n", sinceMain(), processCpuMillis(), phase);
  }

  /** A start-up daemon ended: its own CPU time. */
  static void daemonEnded(String name) {
    if (!ON) return;
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    System.err.printf("trace %6d ms wall %6d ms cpu  %s done (%d ms cpu on its thread)%n", sinceMain(),
        processCpuMillis(), name, cpu);
  }

  private static long sinceMain() {
    return (System.nanoTime() - Prestart.mainStartedNanos) / 1_000_000;
  }

  private static long processCpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1_000_000 : -1;
  }
}
