package io.exportguard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Renders a report to a string with one writer. */
final class Render {
  private Render() {}

  static String of(ReportWriter writer, Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
