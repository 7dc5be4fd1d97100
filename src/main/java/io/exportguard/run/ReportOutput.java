package io.exportguard.run;

import io.exportguard.report.ConsoleReportWriter;
import io.exportguard.report.Report;
import io.exportguard.report.ReportFiles;
import io.exportguard.report.ReportWriter;
import io.exportguard.report.ReportWriters;
import io.exportguard.report.UnknownReportFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Where a run's report goes: the {@code --report} formats, checked up front, written into {@code --out}. */
final class ReportOutput {
  private final List<ReportWriter> writers;
  private final Path out;

  private ReportOutput(List<ReportWriter> writers, Path out) {
    this.writers = writers;
    this.out = out;
  }

  /** Checks {@code --report} and {@code --out} before anything runs: a report that could not be written is bad input now. */
  static ReportOutput of(PolicyOptions o) throws BadInputException {
    return of(o.reportFormats(), o.out());
  }

  /** As {@link #of(PolicyOptions)}, for a command without policies ({@code report merge}). */
  static ReportOutput of(String reportFormats, Path out) throws BadInputException {
    List<ReportWriter> writers;
    try {
      writers = ReportWriters.forList(reportFormats, ConsoleReportWriter.colourWantedHere());
    } catch (UnknownReportFormatException e) {
      throw new BadInputException(e.getMessage());
    }
    PathFlags.named("--out", out);
    if (writers.stream().anyMatch(w -> w.extension() != null)) PathFlags.writableFolder("--out", out);
    return new ReportOutput(writers, out);
  }

  /** This program, as reports name it: the jar manifest's version, "dev" when running from classes. */
  static Report.Tool tool() {
    String v = ReportOutput.class.getPackage().getImplementationVersion();
    return new Report.Tool("exportguard", v == null ? "dev" : v);
  }

  /** Writes every chosen format; the console one to {@code console}. */
  List<Path> write(Report report, PrintWriter console) throws IOException {
    return ReportFiles.writeAll(report, writers, out, console);
  }
}
