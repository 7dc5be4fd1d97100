package io.exportguard.report;

import java.io.IOException;
import java.io.OutputStream;

/** The md report: being built (issue 6). */
public final class MarkdownReportWriter implements ReportWriter {
  @Override
  public String format() { return "md"; }

  @Override
  public String extension() { return ".md"; }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    throw new IOException("the md report is not built yet");
  }
}
