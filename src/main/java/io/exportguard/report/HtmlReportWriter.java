package io.exportguard.report;

import java.io.IOException;
import java.io.OutputStream;

/** The html report: being built (issue 6). */
public final class HtmlReportWriter implements ReportWriter {
  @Override
  public String format() { return "html"; }

  @Override
  public String extension() { return ".html"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    throw new IOException("the html report is not built yet");
  }
}
