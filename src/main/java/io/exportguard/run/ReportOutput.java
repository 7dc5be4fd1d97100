package io.exportguard.run;

import io.exportguard.redact.Redactor;
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

  private final boolean toStdout;

  private ReportOutput(List<ReportWriter> writers, Path out, boolean toStdout) {
    this.writers = writers;
    this.out = out;
    this.toStdout = toStdout;
  }

  /** Checks {@code --report} and {@code --out} before anything runs: a report that could not be written is bad input now. */
  static ReportOutput of(PolicyOptions o) throws BadInputException {
    return of(o.reportFormats(), o.out(), o.verbose(), o.noReportFiles());
  }

  /** As {@link #of(PolicyOptions)}, for a command without policies ({@code report merge}). */
  static ReportOutput of(String reportFormats, Path out) throws BadInputException {
    return of(reportFormats, out, false, false);
  }

  private static ReportOutput of(String reportFormats, Path out, boolean verbose, boolean noReportFiles)
      throws BadInputException {
    List<ReportWriter> writers;
    try {
      writers = ReportWriters.forList(reportFormats, ConsoleReportWriter.colourWantedHere(), verbose);
    } catch (UnknownReportFormatException e) {
      throw new BadInputException(e.getMessage());
    }
    if (out.toString().equals("-")) {
      // One machine format on stdout, for a pipe: nothing else may write there.
      if (writers.size() != 1 || writers.get(0).extension() == null) {
        throw new BadInputException("--out - writes one machine format to stdout; --report names "
            + String.join(",", writers.stream().map(ReportWriter::format).toList()) + " (use e.g. --report json --out -)");
      }
      return new ReportOutput(writers, null, true);
    }
    if (noReportFiles) {
      // Only what goes to the terminal; the file formats of --report (or the configuration) are left out.
      return new ReportOutput(writers.stream().filter(w -> w.extension() == null).toList(), out, false);
    }
    PathFlags.named("--out", out);
    if (writers.stream().anyMatch(w -> w.extension() != null)) PathFlags.writableFolder("--out", out);
    return new ReportOutput(writers, out, false);
  }

  /** This program, as reports name it: the jar manifest's version, "dev" when running from classes. */
  static Report.Tool tool() {
    String v = ReportOutput.class.getPackage().getImplementationVersion();
    return new Report.Tool("exportguard", v == null ? "dev" : v);
  }

  /**
   * Writes every chosen format (the console one, or with {@code --out -} the one machine format, to
   * {@code console}) and names each file written on {@code err}, so a pipeline log says where they are.
   */
  List<Path> write(Report report, PrintWriter console, PrintWriter err) throws IOException {
    if (toStdout) {
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
      writers.get(0).write(report, buffer);
      console.print(Redactor.process().redact(buffer.toString(java.nio.charset.StandardCharsets.UTF_8)));
      console.flush();
      return List.of();
    }
    List<Path> written = ReportFiles.writeAll(report, writers, out, console);
    for (Path p : written) err.println("report: " + p);
    return written;
  }
}
