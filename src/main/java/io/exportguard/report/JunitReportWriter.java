package io.exportguard.report;

import java.io.IOException;
import java.io.OutputStream;

/** The junit report: being built (issue 6). */
public final class JunitReportWriter implements ReportWriter {
  @Override
  public String format() { return "junit"; }

  @Override
  public String extension() { return ".xml"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    throw new IOException("the junit report is not built yet");
  }
}
