package io.exportguard.run;

import io.exportguard.report.ExitCodes;
import io.exportguard.report.Report;
import io.exportguard.report.ReportFormatException;
import io.exportguard.report.ReportReader;
import io.exportguard.report.TargetSpool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code exportguard report merge FILE...}: the JSON reports of an audit's shards ({@code --shard
 * i/n}) combined into the report the unsharded audit gives, in any format. The reports must be of
 * one command with the same settings; for each audited account (a report's subject), the shards
 * must be exactly 1..n of one n, or one whole run. A missing or repeated shard, or a target in two
 * reports, is bad input (exit 2): a merge never claims an account it did not wholly see. Targets are
 * streamed through a {@link TargetSpool}, so the heap does not grow with them.
 */
public final class ReportMergeRunner {
  private static final String PREFIX = "exportguard report merge: ";

  private final PrintWriter out;
  private final PrintWriter err;

  public ReportMergeRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public int run(List<Path> files, String reportFormats, Path outDir) {
    try {
      return runChecked(files, reportFormats, outDir);
    } catch (BadInputException | ReportFormatException e) {
      err.println(PREFIX + e.getMessage());
      return ExitCodes.ERROR;
    } catch (IOException e) {
      err.println(PREFIX + e.getMessage());
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int runChecked(List<Path> files, String reportFormats, Path outDir) throws BadInputException, IOException {
    if (files == null || files.isEmpty()) throw new BadInputException("give the JSON reports to merge");
    ReportOutput output = ReportOutput.of(reportFormats, outDir);
    java.util.Set<Path> distinct = new java.util.HashSet<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f) || !Files.isReadable(f)) throw new BadInputException(f + ": no such readable file");
      if (!distinct.add(f.toRealPath())) throw new BadInputException(f + ": given twice");
    }
    try (TargetSpool spool = TargetSpool.create()) {
      Map<String, String> seenIn = new HashMap<>();
      List<Read> reads = new ArrayList<>();
      for (Path f : files) {
        String name = f.toString();
        try (InputStream in = Files.newInputStream(f)) {
          ReportReader.Header h = ReportReader.readTargets(in, name, t -> {
            String before = seenIn.putIfAbsent(t.target().key(), name);
            if (before != null) {
              throw new ReportFormatException(name + ": target " + t.target().key() + " is also in " + before
                  + ": the reports overlap (the same shard twice?)");
            }
            spool.add(t);
          });
          h.runErrors().forEach(spool::error);
          reads.add(new Read(name, h));
        }
      }
      Report.Scope scope = mergedScope(reads);
      Instant start = null;
      Instant end = null;
      for (Read r : reads) {
        Instant s = r.header.startedAt();
        if (s == null) continue;
        Instant e = s.plusMillis(r.header.durationMs());
        if (start == null || s.isBefore(start)) start = s;
        if (end == null || e.isAfter(end)) end = e;
      }
      long duration = start == null ? 0 : end.toEpochMilli() - start.toEpochMilli();
      Report report = spool.report(ReportOutput.tool(), start, duration, scope, List.of()).withPolicy(policy(reads));
      output.write(report, out, err);
      return report.summary().verdict().exitCode();
    }
  }

  private record Read(String name, ReportReader.Header header) {}

  /**
   * The policy section the reports share: shards decided with different policies (another bundle
   * digest, or bundles in one and not the other) do not make one run's report.
   */
  static Report.PolicySource policy(List<Read> reads) throws BadInputException {
    Read first = reads.get(0);
    for (Read r : reads) {
      String a = digest(first.header.policy());
      String b = digest(r.header.policy());
      if (!a.equals(b)) {
        throw new BadInputException(r.name + ": decided with other policies than " + first.name + " (policy " + b
            + " against " + a + "); only the shards of one run merge");
      }
    }
    return first.header.policy();
  }

  private static String digest(Report.PolicySource p) {
    return p == null ? "not recorded" : "sha256 " + p.sha256();
  }

  /**
   * The scope of the merged report: the command and settings every report shares, its subjects (the
   * accounts), no shard. Each subject's shards must be 1..n of one n exactly once, or one whole run.
   */
  static Report.Scope mergedScope(List<Read> reads) throws BadInputException {
    Read first = reads.get(0);
    Report.Scope s0 = first.header.scope();
    if (s0 == null) throw new BadInputException(first.name + ": the report names no scope (not from audit or scan)");
    Map<String, List<Read>> bySubject = new TreeMap<>();
    for (Read r : reads) {
      Report.Scope s = r.header.scope();
      if (s == null || !s.command().equals(s0.command()) || !s.settings().equals(s0.settings())) {
        throw new BadInputException(r.name + ": not the same run as " + first.name + " (" + describe(s) + " against "
            + describe(s0) + "); only the shards of one command with the same settings merge");
      }
      bySubject.computeIfAbsent(String.valueOf(s.subject()), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Read>> e : bySubject.entrySet()) checkShards(e.getKey(), e.getValue());
    String subject = String.join(",", bySubject.keySet());
    // A scan's files: every report's inputs, and each distinct note once, so the merge says what it covers.
    List<Report.Input> inputs = new ArrayList<>();
    java.util.LinkedHashSet<String> notes = new java.util.LinkedHashSet<>();
    for (Read r : reads) {
      inputs.addAll(r.header.scope().inputs());
      notes.addAll(r.header.scope().notes());
    }
    return new Report.Scope(s0.command(), subject, s0.settings(), null, inputs, new ArrayList<>(notes));
  }

  private static void checkShards(String subject, List<Read> reads) throws BadInputException {
    int n = -1;
    TreeSet<Integer> seen = new TreeSet<>();
    for (Read r : reads) {
      String shard = r.header.scope().shard();
      if (shard == null) {
        if (reads.size() > 1) {
          throw new BadInputException(r.name + ": a whole run of " + subject + " merged with other reports of it");
        }
        return;
      }
      String[] p = shard.split("/");
      int i;
      int count;
      try {
        i = Integer.parseInt(p[0]);
        count = Integer.parseInt(p[1]);
      } catch (RuntimeException ex) {
        throw new BadInputException(r.name + ": shard '" + shard + "' is not i/n");
      }
      if (n >= 0 && count != n) {
        throw new BadInputException(r.name + ": shard " + shard + " of " + subject + " is not one of " + n + " like the others");
      }
      n = count;
      if (!seen.add(i)) throw new BadInputException(r.name + ": shard " + shard + " of " + subject + " is given twice");
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= n; i++) if (!seen.contains(i)) missing.add(i + "/" + n);
    if (!missing.isEmpty()) {
      throw new BadInputException("shard " + String.join(", ", missing) + " of " + subject
          + " is missing: a merge without it would not be the whole account");
    }
  }

  private static String describe(Report.Scope s) {
    return s == null ? "no scope" : s.command() + " " + s.settings();
  }
}
