package io.exportguard.report;

import io.exportguard.redact.RedactedValues;
import io.exportguard.redact.RedactingOutputStream;
import io.exportguard.redact.Redactor;
import io.exportguard.report.internal.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chosen formats of one report: files directly in {@code --out}, named
 * {@code exportguard-<imageId>-<yyyyMMddTHHmmssZ>.<ext>} from the report's own start time (so a
 * fixed clock gives fixed names), and the console format to the given stream.
 */
public final class ReportFiles {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ReportFiles() {}

  /** The file name one writer's report gets, e.g. {@code exportguard-m-bp1demo0001-20260101T000000Z.json}. */
  public static String fileName(Report report, ReportWriter writer) {
    if (writer.extension() == null) throw new IllegalArgumentException(writer.format() + " writes no file");
    return "exportguard-" + Text.fileNamePart(report.target() == null ? null : report.target().imageId()) + "-"
        + STAMP.format(report.startedAt()) + writer.extension();
  }

  /**
   * Writes every chosen format. {@code outDir} is created when a file format is chosen and it is
   * missing. Each file is written beside its final name and moved into place, so a failed write
   * leaves no half report behind.
   *
   * @return the files written, in the order of {@code writers}
   */
  public static List<Path> writeAll(Report report, List<ReportWriter> writers, Path outDir, PrintWriter console)
      throws IOException {
    // Secrets are removed from the model before any format escapes it, and from the bytes after.
    Report clean = RedactedValues.of(report);
    List<Path> written = new ArrayList<>();
    for (ReportWriter writer : writers) {
      if (writer.extension() == null) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.write(clean, buffer);
        console.print(Redactor.process().redact(buffer.toString(StandardCharsets.UTF_8)));
        console.flush();
        continue;
      }
      Files.createDirectories(outDir);
      Path target = outDir.resolve(fileName(report, writer));
      // Not Files.createTempFile: that makes the file owner-only (0600), and a report is for sharing.
      Path temp = outDir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
      try {
        try (OutputStream out = new RedactingOutputStream(
            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
          writer.write(clean, out);
        }
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      written.add(target);
    }
    return written;
  }
}
