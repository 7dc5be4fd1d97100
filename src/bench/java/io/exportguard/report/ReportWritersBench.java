package io.exportguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Writing all six formats of one 30-check report (issue 6 asks for under 200 ms warm). Run:
 * {@code mvn -B -ntp -q -Pbench test-compile exec:exec -Dexec.args="-cp %classpath org.openjdk.jmh.Main ReportWritersBench -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportWritersBench {

  @Param({"failing", "passing"})
  public String run;

  private Report report;
  private List<ReportWriter> writers;

  @Setup
  public void setUp() {
    report = run.equals("failing") ? SampleReports.failing() : SampleReports.passing();
    writers = ReportWriters.forList(String.join(",", ReportWriters.FORMATS), false);
  }

  @Benchmark
  public void allSixFormats(Blackhole bh) throws IOException {
    CountingStream out = new CountingStream();
    for (ReportWriter w : writers) w.write(report, out);
    bh.consume(out.count);
  }

  /** Counts bytes so the benchmark measures rendering, not buffer growth. */
  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) { count++; }

    @Override
    public void write(byte[] b, int off, int len) { count += len; }
  }
}
