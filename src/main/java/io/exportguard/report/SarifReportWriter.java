package io.exportguard.report;

import java.io.IOException;
import java.io.OutputStream;

/** The sarif report: being built (issue 6). */
public final class SarifReportWriter implements ReportWriter {
  @Override
  public String format() { return "sarif"; }

  @Override
  public String extension() { return ".sarif"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    throw new IOException("the sarif report is not built yet");
  }
}
