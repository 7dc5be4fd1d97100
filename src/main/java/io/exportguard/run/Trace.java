package io.exportguard.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

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
    long cpu = threadCpuMillis();
    System.err.printf("trace %6d ms wall %6d ms cpu  %s done (%d ms cpu on its thread)%n", sinceMain(),
        processCpuMillis(), name, cpu);
  }

  /**
   * The CPU time of every live thread of the process, the JVM's own included (JIT compilers, GC),
   * read from {@code /proc/self/task} (Linux; elsewhere nothing is printed). Threads that already
   * ended are missing: the start-up daemons print their own time when they end.
   */
  static void threads(PrintWriter err) {
    if (!ON) return;
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) return;
    try (var dirs = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) dirs::iterator) {
        String name = Files.readString(t.resolve("comm")).strip();
        String schedstat = Files.readString(t.resolve("schedstat"));
        long ms = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1_000_000; // ns on a CPU
        if (ms > 0) err.printf("trace thread %-20s %6d ms cpu%n", name, ms);
      }
    } catch (IOException | RuntimeException e) {
      err.println("trace thread cpu unavailable: " + e);
    }
  }

  private static long sinceMain() {
    return (System.nanoTime() - Prestart.mainStartedNanos) / 1_000_000;
  }

  /**
   * The process's CPU time so far, from {@code /proc/self/stat} on Linux (the JVM's management beans
   * would load a few hundred classes into the very start-up being traced), else from those beans.
   */
  private static long processCpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in USER_HZ (100) ticks
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() / 1_000_000 : -1;
    }
  }

  /** This thread's CPU time so far: {@code /proc/thread-self/schedstat} on Linux (in ns), else the management bean. */
  private static long threadCpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/schedstat"));
      return Long.parseLong(stat.substring(0, stat.indexOf(' '))) / 1_000_000;
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }
  }
}
