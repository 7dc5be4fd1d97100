package io.exportguard.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.facts.TargetFacts;
import io.exportguard.policy.CheckEvaluation;
import io.exportguard.policy.EmbeddedPolicyEngine;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.StatusRules;
import io.exportguard.rego.EvalOptions;
import io.exportguard.report.Severity;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The static scan of generated plans against parsing the same files with Jackson alone, in one
 * process, interleaved so both see the same machine load (bench/scan.sh runs it). For each file:
 * {@code parse} is {@code ObjectMapper.readTree} of the bytes; {@code read} is the scan's reading
 * (read the file, parse with positions, index, resolve references, assemble every export's facts
 * document); {@code scan} is the whole scan: the reading again, and deciding every target with the
 * built-in pack, as {@code exportguard scan} does after start-up. Each phase is timed by the wall
 * clock and by the process's CPU time (every thread: the garbage collector's work counts, and CPU
 * holds better than wall time on a shared machine). Every file is warmed up first, so the first
 * size measured is not the one that pays for compiling the code. Printed: the median wall time of
 * the rounds and the mean CPU time (the OS counts it in 10 ms ticks, which a mean over many rounds
 * resolves and a median does not), with the ratios to the parse.
 */
public final class ScanBenchmark {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 7);
    int warmup = Integer.getInteger("warmup", 3);
    ObjectMapper jackson = new ObjectMapper();
    CheckEvaluation evaluation = new CheckEvaluation(EmbeddedPolicyEngine.compile(
        PolicyLoader.load(PolicyLoader.Sources.defaults()), EvalOptions.DEFAULT), new StatusRules(Severity.INFO, false));
    System.out.printf("%-22s %9s %7s | %-17s | %-17s | %-17s | %-11s | %-11s%n", "", "", "", "  parse ms", "  read ms",
        "  scan ms", " read/parse", " scan/parse");
    System.out.println("(wall: median of " + rounds + " rounds; cpu: mean, all threads of the process)");
    System.out.printf("%-22s %9s %7s | %8s %8s | %8s %8s | %8s %8s | %5s %5s | %5s %5s%n", "file", "resources",
        "targets", "wall", "cpu", "wall", "cpu", "wall", "cpu", "wall", "cpu", "wall", "cpu");
    for (String a : args) {
      for (int i = 0; i < warmup; i++) round(jackson, evaluation, Path.of(a), new Phase[] {new Phase(), new Phase(), new Phase()});
    }
    for (String a : args) {
      Path file = Path.of(a);
      int resources = jackson.readTree(file.toFile()).path("resource_changes").size();
      Phase parse = new Phase();
      Phase read = new Phase();
      Phase scan = new Phase();
      int targets = 0;
      for (int i = 0; i < rounds; i++) targets = round(jackson, evaluation, file, new Phase[] {parse, read, scan});
      System.out.printf("%-22s %9d %7d | %8.1f %8.1f | %8.1f %8.1f | %8.1f %8.1f | %5.2f %5.2f | %5.2f %5.2f%n",
          file.getFileName(), resources, targets, parse.wall(), parse.cpu(), read.wall(), read.cpu(), scan.wall(),
          scan.cpu(), read.wall() / parse.wall(), read.cpu() / parse.cpu(), scan.wall() / parse.wall(),
          scan.cpu() / parse.cpu());
      System.out.printf("%-22s garbage collection per round, ms: parse %.1f, read %.1f, scan %.1f%n", "", parse.gc(),
          read.gc(), scan.gc());
    }
  }

  /** One round over a file: parse, read, scan; returns the number of targets. */
  private static int round(ObjectMapper jackson, CheckEvaluation evaluation, Path file, Phase[] phases) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    phases[0].start();
    if (jackson.readTree(bytes).size() == 0) throw new IllegalStateException("empty plan");
    phases[0].stop();
    phases[1].start();
    int targets = read(file).size();
    phases[1].stop();
    phases[2].start();
    for (TargetFacts t : read(file)) evaluation.evaluate(t);
    phases[2].stop();
    return targets;
  }

  /** One measured phase: wall and process CPU time of each counted round, in milliseconds. */
  private static final class Phase {
    private final List<Long> wall = new ArrayList<>();
    private final List<Long> cpu = new ArrayList<>();
    private long gcMillis;
    private long wall0;
    private long cpu0;
    private long gc0;

    void start() {
      gc0 = gcMillis();
      wall0 = System.nanoTime();
      cpu0 = OS.getProcessCpuTime();
    }

    void stop() {
      long c = OS.getProcessCpuTime() - cpu0;
      wall.add(System.nanoTime() - wall0);
      cpu.add(c);
      gcMillis += gcMillis() - gc0;
    }

    /** Mean time the collectors reported per round (pauses and concurrent work, as the JVM counts it). */
    double gc() { return (double) gcMillis / Math.max(wall.size(), 1); }

    private static long gcMillis() {
      long sum = 0;
      for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(b.getCollectionTime(), 0);
      return sum;
    }

    double wall() { return median(wall) / 1e6; }

    double cpu() { return cpu.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6; }
  }
  private static List<TargetFacts> read(Path file) throws ScanInputException {
    ScanSource source = ScanSource.open(new ScanSource.Options(List.of(file), null, null, null, null, null, null, null));
    List<TargetFacts> out = new ArrayList<>();
    source.deliver(new io.exportguard.facts.FactsSource.Sink() {
      @Override
      public void target(TargetFacts facts) { out.add(facts); }

      @Override
      public void error(io.exportguard.facts.FactError error) { throw new IllegalStateException(error.toString()); }
    });
    return out;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
