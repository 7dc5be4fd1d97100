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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chosen formats of one report: files directly in {@code --out}, named
 * {@code exportguard-<imageId>-<yyyyMMddTHHmmssZ>.<ext>} from the report's own start time (so a
 * fixed clock gives fixed names; a taken name gets a suffix, never overwritten), and the console
 * format to the given stream.
 */
public final class ReportFiles {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ReportFiles() {}

  /**
   * The file name one writer's report gets: {@code exportguard-m-bp1demo0001-20260101T000000Z.json}
   * for one image, {@code exportguard-audit-1234567890123456-20260101T000000Z.json} (or
   * {@code exportguard-scan-plan.tfplan.json-...}) for a run of many targets with a scope
   * ({@code ...-shard-2-of-3-...} for one shard), {@code exportguard-targets-...} without.
   */
  public static String fileName(Report report, ReportWriter writer) {
    if (writer.extension() == null) throw new IllegalArgumentException(writer.format() + " writes no file");
    return "exportguard-" + subject(report) + "-" + STAMP.format(report.startedAt()) + writer.extension();
  }

  private static String subject(Report report) {
    if (report.isSingleTarget()) return Text.fileNamePart(report.target() == null ? null : report.target().imageId());
    Report.Scope s = report.scope();
    if (s == null) return "targets";
    String shard = s.shard() == null ? "" : "-shard-" + Text.fileNamePart(s.shard().replace("/", "-of-"));
    return Text.fileNamePart(s.command()) + "-" + Text.fileNamePart(s.subject()) + shard;
  }

  /**
   * Writes every chosen format. {@code outDir} is created when a file format is chosen and it is
   * missing. Each file is written beside its final name and then published under it, so a failed
   * write leaves no half report behind; a name that is taken (a run into the same folder in the same
   * second, or with the same fixed clock) is never overwritten: the run's files all take the next
   * free suffix instead ({@code exportguard-<imageId>-<stamp>-2.json}), so parallel runs each keep
   * their reports.
   *
   * @return the files written, in the order of {@code writers}
   */
  public static List<Path> writeAll(Report report, List<ReportWriter> writers, Path outDir, PrintWriter console)
      throws IOException {
    // Secrets are removed from the model before any format escapes it, and from the bytes after.
    Report clean = RedactedValues.of(report);
    List<ReportWriter> files = new ArrayList<>();
    List<Path> temps = new ArrayList<>();
    try {
      for (ReportWriter writer : writers) {
        if (writer.extension() == null) {
          ByteArrayOutputStream buffer = new ByteArrayOutputStream();
          writer.write(clean, buffer);
          console.print(Redactor.process().redact(buffer.toString(StandardCharsets.UTF_8)));
          console.flush();
          continue;
        }
        Files.createDirectories(outDir);
        // Not Files.createTempFile: that makes the file owner-only (0600), and a report is for sharing.
        Path temp = outDir.resolve("." + fileName(report, writer) + "." + Long.toHexString(System.nanoTime()) + "."
            + ProcessHandle.current().pid() + ".tmp");
        temps.add(temp);
        try (OutputStream out = new RedactingOutputStream(
            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
          writer.write(clean, out);
        }
        files.add(writer);
      }
      return publish(report, files, temps, outDir);
    } finally {
      for (Path t : temps) Files.deleteIfExists(t);
    }
  }

  /** Gives the written files their names: the first suffix under which none of them exists yet. */
  private static List<Path> publish(Report report, List<ReportWriter> files, List<Path> temps, Path outDir)
      throws IOException {
    for (int n = 1; ; n++) {
      List<Path> published = new ArrayList<>();
      try {
        for (int i = 0; i < files.size(); i++) {
          Path target = outDir.resolve(withSuffix(fileName(report, files.get(i)), files.get(i).extension(), n));
          claim(target, temps.get(i));
          published.add(target);
        }
        return published;
      } catch (FileAlreadyExistsException taken) {
        for (Path p : published) Files.deleteIfExists(p); // ours: this attempt made them
      }
    }
  }

  /**
   * Puts the temporary file under the target name if, and only if, that name is free. A hard link
   * does it atomically; where links are not supported a move that refuses to replace does it (a
   * race with another run remains possible there, not an overwrite of an older file).
   */
  private static void claim(Path target, Path temp) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (e instanceof FileAlreadyExistsException taken) throw taken;
      Files.move(temp, target);
    }
  }

  private static String withSuffix(String name, String extension, int n) {
    if (n == 1) return name;
    return name.substring(0, name.length() - extension.length()) + "-" + n + extension;
  }
}
