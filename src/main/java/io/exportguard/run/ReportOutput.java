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
    List<ReportWriter> writers;
    try {
      writers = ReportWriters.forList(o.reportFormats(), ConsoleReportWriter.colourWantedHere(), o.verbose());
    } catch (UnknownReportFormatException e) {
      throw new BadInputException(e.getMessage());
    }
    PathFlags.named("--out", o.out());
    if (writers.stream().anyMatch(w -> w.extension() != null)) PathFlags.writableFolder("--out", o.out());
    return new ReportOutput(writers, o.out());
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
