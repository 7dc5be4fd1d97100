package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coarse guard on issue 6's budget (all six formats of a 30-check report under 200 ms warm): the
 * median of 15 warm runs. The precise number comes from ReportWritersBench (JMH, src/bench).
 */
class WritingSpeedTest {

  @Test
  void allSixFormatsOfA30CheckReportWarmTakeUnder200Ms() throws Exception {
    Report report = SampleReports.failing();
    assertThat(report.checks()).hasSize(30);
    List<ReportWriter> writers = ReportWriters.forList(String.join(",", ReportWriters.FORMATS), false);
    for (int i = 0; i < 30; i++) writeAll(report, writers);
    long[] nanos = new long[15];
    for (int i = 0; i < nanos.length; i++) {
      long t0 = System.nanoTime();
      writeAll(report, writers);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    assertThat(nanos[nanos.length / 2] / 1_000_000.0).as("median ms").isLessThan(200.0);
  }

  private static void writeAll(Report report, List<ReportWriter> writers) throws Exception {
    for (ReportWriter w : writers) w.write(report, new ByteArrayOutputStream());
  }
}
