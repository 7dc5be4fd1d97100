package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @Test
  void namesComeFromImageIdAndStartTime() {
    assertThat(ReportFiles.fileName(SampleReports.failing(), new JsonReportWriter()))
        .isEqualTo("exportguard-m-bp1demo0001-20260101T000000Z.json");
    assertThat(ReportFiles.fileName(SampleReports.failing(), new JunitReportWriter()))
        .isEqualTo("exportguard-m-bp1demo0001-20260101T000000Z.xml");
  }

  @Test
  void anImageIdCannotEscapeTheOutputFolder() {
    Report report = SampleReports.mapStrings(SampleReports.failing(), s -> "../../etc/passwd");
    assertThat(ReportFiles.fileName(report, new JsonReportWriter()))
        .isEqualTo("exportguard-_._.._etc_passwd-20260101T000000Z.json");
  }

  @Test
  void writesFilesIntoAnOutFolderItCreatesAndConsoleToTheStream(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("a/b");
    StringWriter console = new StringWriter();
    List<Path> written = ReportFiles.writeAll(SampleReports.failing(),
        ReportWriters.forList("console,json", false), out, new PrintWriter(console));
    assertThat(written).containsExactly(out.resolve("exportguard-m-bp1demo0001-20260101T000000Z.json"));
    assertThat(console.toString()).startsWith("FAIL");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).containsExactly(written.get(0));
    }
    assertThat(Files.readString(written.get(0))).contains("\"verdict\": \"fail\"");
  }

  @Test
  void consoleOnlyCreatesNoFolder(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("never");
    ReportFiles.writeAll(SampleReports.passing(), ReportWriters.forList("console", false), out,
        new PrintWriter(new StringWriter()));
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutPathThatIsAFileIsAnError(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFiles.writeAll(SampleReports.failing(),
        ReportWriters.forList("json", false), file, new PrintWriter(new StringWriter())))
        .isInstanceOf(java.io.IOException.class);
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void rewritingReplacesTheFileAndLeavesNoTemporaryFiles(@TempDir Path tmp) throws Exception {
    List<ReportWriter> all = ReportWriters.forList("json,html,sarif,junit,md", false);
    ReportFiles.writeAll(SampleReports.failing(), all, tmp, new PrintWriter(new StringWriter()));
    List<Path> again = ReportFiles.writeAll(SampleReports.failing(), all, tmp, new PrintWriter(new StringWriter()));
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactlyInAnyOrderElementsOf(again);
    }
    assertThat(again).extracting(p -> p.getFileName().toString()).containsExactly(
        "exportguard-m-bp1demo0001-20260101T000000Z.json", "exportguard-m-bp1demo0001-20260101T000000Z.html",
        "exportguard-m-bp1demo0001-20260101T000000Z.sarif", "exportguard-m-bp1demo0001-20260101T000000Z.xml",
        "exportguard-m-bp1demo0001-20260101T000000Z.md");
  }

  @Test
  void reportsAreReadableByOthersLikeAnyFileTheUserWrites(@TempDir Path tmp) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path probe = Files.writeString(tmp.resolve("probe"), "x");
    List<Path> written = ReportFiles.writeAll(SampleReports.failing(), ReportWriters.forList("json", false), tmp,
        new PrintWriter(new StringWriter()));
    assertThat(Files.getPosixFilePermissions(written.get(0))).isEqualTo(Files.getPosixFilePermissions(probe));
  }
}
