package io.exportguard.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.facts.TargetFacts;
import io.exportguard.policy.CheckEvaluation;
import io.exportguard.policy.EmbeddedPolicyEngine;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.StatusRules;
import io.exportguard.rego.EvalOptions;
import io.exportguard.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The static scan of generated plans against parsing the same files with Jackson alone, in one
 * process, interleaved so both see the same machine load (bench/scan.sh runs it). For each file:
 * {@code parse} is {@code ObjectMapper.readTree} of the bytes; {@code read} is the scan's reading
 * (parse with positions, index, resolve references, assemble every export's facts document);
 * {@code scan} adds deciding every target with the built-in pack, as {@code exportguard scan} does
 * after start-up. The median of the rounds is printed, with the ratios.
 */
public final class ScanBenchmark {
  private ScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("rounds", 7);
    int warmup = Integer.getInteger("warmup", 3);
    ObjectMapper jackson = new ObjectMapper();
    CheckEvaluation evaluation = new CheckEvaluation(EmbeddedPolicyEngine.compile(
        PolicyLoader.load(PolicyLoader.Sources.defaults()), EvalOptions.DEFAULT), new StatusRules(Severity.INFO, false));
    System.out.printf("%-28s %9s %7s %10s %10s %10s %8s %8s%n", "file", "resources", "targets", "parse ms", "read ms",
        "scan ms", "read/p", "scan/p");
    for (String a : args) {
      Path file = Path.of(a);
      byte[] bytes = Files.readAllBytes(file);
      int resources = jackson.readTree(bytes).path("resource_changes").size();
      List<Long> parse = new ArrayList<>();
      List<Long> read = new ArrayList<>();
      List<Long> scan = new ArrayList<>();
      int[] targets = new int[1];
      for (int i = 0; i < warmup + rounds; i++) {
        long t0 = System.nanoTime();
        if (jackson.readTree(bytes).size() == 0) throw new IllegalStateException("empty plan");
        long t1 = System.nanoTime();
        List<TargetFacts> facts = read(file);
        long t2 = System.nanoTime();
        List<TargetFacts> decided = read(file);
        for (TargetFacts t : decided) evaluation.evaluate(t);
        long t3 = System.nanoTime();
        targets[0] = facts.size();
        if (i >= warmup) {
          parse.add(t1 - t0);
          read.add(t2 - t1);
          scan.add(t3 - t2);
        }
      }
      double p = median(parse);
      double r = median(read);
      double s = median(scan);
      System.out.printf("%-28s %9d %7d %10.1f %10.1f %10.1f %8.2f %8.2f%n", file.getFileName(), resources, targets[0],
          p / 1e6, r / 1e6, s / 1e6, r / p, s / p);
    }
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
