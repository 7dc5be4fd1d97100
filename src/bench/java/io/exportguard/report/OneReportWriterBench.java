package io.exportguard.report;

import java.io.IOException;
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

/** Each writer alone on the failing 30-check report, to see where ReportWritersBench's time goes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OneReportWriterBench {

  @Param({"json", "html", "sarif", "junit", "md", "console"})
  public String format;

  private Report report;
  private ReportWriter writer;

  @Setup
  public void setUp() {
    report = SampleReports.failing();
    writer = ReportWriters.forName(format, false);
  }

  @Benchmark
  public void write(Blackhole bh) throws IOException {
    ReportWritersBench.CountingStream out = new ReportWritersBench.CountingStream();
    writer.write(report, out);
    bh.consume(out.count);
  }
}
