package io.exportguard.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.facts.FactError;
import io.exportguard.redact.RedactedValues;
import io.exportguard.report.internal.JsonStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sink for runs of very many targets (an account audit): each decided target is redacted and
 * written to a spool file at once, as the JSON Lines entry of the report, and only a small index entry
 * stays in memory (its key, where its line is, its summary), so the heap does not grow with the
 * number of targets beyond that summary. {@link #report} makes a {@link Report} whose targets are read
 * back from the file, in key order, as the writers go through them. The file is deleted on close.
 */
public final class TargetSpool implements ReportSink, AutoCloseable {
  private static final JsonFactory FACTORY = JsonStyle.factory();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where one target's line is, and its outcome. */
  private record Entry(String key, long offset, int length, Report.Summary summary) {}

  private final Path file;
  private final FileChannel channel;
  private final List<Entry> index = new ArrayList<>();
  private final List<FactError> runErrors = new ArrayList<>();
  private final Map<String, Report.CheckResult> catalog = new TreeMap<>();
  private long end;

  private TargetSpool(Path file) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** A spool in the system's temporary folder, readable only by this user (results may name resources). */
  public static TargetSpool create() throws IOException {
    Path f = Files.createTempFile("exportguard-spool-", ".jsonl");
    f.toFile().deleteOnExit();
    return new TargetSpool(f);
  }

  @Override
  public void add(Report.TargetResult result) {
    // Only what the line holds is redacted per target; a check's METADATA (title, description,
    // remediation), the same for every target, is redacted once, for the catalog.
    Report.TargetResult clean = RedactedValues.of(lineFields(result));
    byte[] line = line(clean);
    synchronized (this) {
      try {
        ByteBuffer buf = ByteBuffer.wrap(line);
        long at = end;
        while (buf.hasRemaining()) at += channel.write(buf, at);
        index.add(new Entry(clean.target().key(), end, line.length, clean.summary()));
        end = at;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the spool " + file, e);
      }
      for (Report.CheckResult c : result.checks()) {
        if (!catalog.containsKey(c.id())) catalog.put(c.id(), RedactedValues.of(withoutFindings(c)));
      }
    }
  }

  /** The result with only what its JSON Lines entry holds of each check: id, status, findings. */
  private static Report.TargetResult lineFields(Report.TargetResult r) {
    List<Report.CheckResult> checks = new ArrayList<>(r.checks().size());
    for (Report.CheckResult c : r.checks()) {
      checks.add(new Report.CheckResult(c.id(), null, null, null, c.severity(), c.status(), null, c.findings(), null,
          null, 0));
    }
    return new Report.TargetResult(r.target(), r.summary(), checks, r.errors(), r.export());
  }

  @Override
  public synchronized void error(FactError error) {
    runErrors.add(RedactedValues.of(error));
  }

  /** How many targets it holds. */
  public synchronized int size() { return index.size(); }

  /**
   * The report of every target spooled so far, in key order, with these run-level errors beside the
   * ones the source reported (each once, in order).
   */
  public synchronized Report report(Report.Tool tool, Instant startedAt, long durationMs, Report.Scope scope,
                                    List<FactError> extraErrors) {
    List<Entry> sorted = new ArrayList<>(index);
    sorted.sort(Comparator.comparing(Entry::key));
    LinkedHashSet<FactError> errors = new LinkedHashSet<>();
    runErrors.stream().sorted(Comparator.comparing((FactError e) -> String.valueOf(e.area()))
        .thenComparing(e -> String.valueOf(e.api())).thenComparing(e -> String.valueOf(e.message()))).forEach(errors::add);
    extraErrors.forEach(e -> errors.add(RedactedValues.of(e)));
    List<FactError> all = List.copyOf(errors);
    Stored targets = new Stored(List.copyOf(sorted), Map.copyOf(catalog));
    return new Report(Report.SCHEMA_TARGETS, tool, startedAt, durationMs, targets, total(sorted, all), all, scope);
  }

  /** The totals from the index: {@link Report.Summary#total} without reading a target back. */
  private static Report.Summary total(List<Entry> entries, List<FactError> runErrors) {
    List<Report.TargetResult> summaries = new ArrayList<>(entries.size());
    for (Entry e : entries) summaries.add(new Report.TargetResult(null, e.summary(), List.of(), List.of(), null));
    return Report.Summary.total(summaries, runErrors);
  }

  private static Report.CheckResult withoutFindings(Report.CheckResult c) {
    return new Report.CheckResult(c.id(), c.title(), c.description(), c.area(), c.severity(), c.status(), c.prevents(),
        List.of(), c.remediation(), c.policyFile(), c.line());
  }

  /** The target's JSON Lines entry: {@code {"target":..., "summary":..., "checks":[...], "errors":[...]}} and a newline. */
  static byte[] line(Report.TargetResult r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      JsonReportWriter.writeTargetFields(g, r, true);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(file);
  }

  /** The spooled targets in key order, each read back from the file when it is asked for. */
  private final class Stored extends AbstractList<Report.TargetResult> implements Report.StoredTargets {
    private final List<Entry> entries;
    private final Map<String, ReportReader.CheckMeta> meta = new TreeMap<>();
    private final Collection<Report.CheckResult> checks;

    Stored(List<Entry> entries, Map<String, Report.CheckResult> catalog) {
      this.entries = entries;
      this.checks = new TreeMap<>(catalog).values();
      catalog.forEach((id, c) -> meta.put(id, ReportReader.CheckMeta.of(c)));
    }

    @Override
    public Report.TargetResult get(int i) {
      try {
        return ReportReader.target(JSON.readTree(read(entries.get(i))), meta, file.toString());
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot read the spool " + file, ex);
      }
    }

    @Override
    public byte[] jsonEntry(int i) {
      byte[] line = read(entries.get(i));
      return java.util.Arrays.copyOf(line, line.length - 1);
    }

    /** An entry's line, newline included. */
    private byte[] read(Entry e) {
      ByteBuffer buf = ByteBuffer.allocate(e.length());
      try {
        long at = e.offset();
        while (buf.hasRemaining()) {
          int n = channel.read(buf, at);
          if (n < 0) throw new IOException("the spool ends early");
          at += n;
        }
        return buf.array();
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot read the spool " + file, ex);
      }
    }

    @Override
    public int size() { return entries.size(); }

    @Override
    public Report.TargetTotals totals() {
      int[] n = new int[Verdict.values().length];
      for (Entry e : entries) n[e.summary().verdict().ordinal()]++;
      return new Report.TargetTotals(entries.size(), n[Verdict.PASS.ordinal()], n[Verdict.FAIL.ordinal()],
          n[Verdict.ERROR.ordinal()]);
    }

    @Override
    public Collection<Report.CheckResult> catalog() { return checks; }
  }
}
