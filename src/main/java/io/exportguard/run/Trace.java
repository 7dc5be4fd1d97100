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
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
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
    long ticksPerMs = 10; // USER_HZ is 100 on every Linux the JDK supports
    try (var dirs = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) dirs::iterator) {
        String stat = Files.readString(t.resolve("stat"));
        int open = stat.indexOf('('), close = stat.lastIndexOf(')');
        String[] f = stat.substring(close + 2).split(" ");
        long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * ticksPerMs; // utime, stime
        if (ms > 0) err.printf("trace thread %-20s %6d ms cpu%n", stat.substring(open + 1, close), ms);
      }
    } catch (IOException | RuntimeException e) {
      err.println("trace thread cpu unavailable: " + e);
    }
  }

  private static long sinceMain() {
    return (System.nanoTime() - Prestart.mainStartedNanos) / 1_000_000;
  }

  private static long processCpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1_000_000 : -1;
  }
}
