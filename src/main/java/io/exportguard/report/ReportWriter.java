package io.exportguard.report;

import java.io.IOException;
import java.io.OutputStream;

/** Renders a report in one format. One implementation per format. */
public interface ReportWriter {

  /** The name used in {@code --report}: json, html, sarif, junit, md or console. */
  String format();

  /** The file extension including the dot ({@code .json}); null for console, which writes to stdout. */
  String extension();

  void write(Report report, OutputStream out) throws IOException;
}
