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
  void aSecondRunIntoTheSameFolderKeepsBothReportsAndLeavesNoTemporaryFiles(@TempDir Path tmp) throws Exception {
    List<ReportWriter> all = ReportWriters.forList("json,html,sarif,junit,md", false);
    List<Path> first = ReportFiles.writeAll(SampleReports.failing(), all, tmp, new PrintWriter(new StringWriter()));
    List<Path> again = ReportFiles.writeAll(SampleReports.passing(), all, tmp, new PrintWriter(new StringWriter()));
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.toList()).containsExactlyInAnyOrderElementsOf(
          Stream.concat(first.stream(), again.stream()).toList());
    }
    assertThat(again).extracting(p -> p.getFileName().toString()).containsExactly(
        "exportguard-m-bp1demo0001-20260101T000000Z-2.json", "exportguard-m-bp1demo0001-20260101T000000Z-2.html",
        "exportguard-m-bp1demo0001-20260101T000000Z-2.sarif", "exportguard-m-bp1demo0001-20260101T000000Z-2.xml",
        "exportguard-m-bp1demo0001-20260101T000000Z-2.md");
    assertThat(Files.readString(first.get(0))).contains("\"verdict\": \"fail\"");
    assertThat(Files.readString(again.get(0))).contains("\"verdict\": \"pass\"");
  }

  @Test
  void parallelRunsIntoOneFolderEachKeepTheirReports(@TempDir Path tmp) throws Exception {
    int runs = 8;
    List<ReportWriter> all = ReportWriters.forList("json,md", false);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<List<Path>>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Report r = i % 2 == 0 ? SampleReports.failing() : SampleReports.passing();
      futures.add(pool.submit(() -> {
        go.await();
        return ReportFiles.writeAll(r, all, tmp, new PrintWriter(new StringWriter()));
      }));
    }
    go.countDown();
    java.util.Set<Path> written = new java.util.HashSet<>();
    for (var f : futures) written.addAll(f.get());
    pool.shutdown();
    assertThat(written).hasSize(runs * 2);
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.toList()).containsExactlyInAnyOrderElementsOf(written);
    }
    long passing = 0;
    for (Path p : written) if (p.toString().endsWith(".json") && Files.readString(p).contains("\"verdict\": \"pass\"")) passing++;
    assertThat(passing).isEqualTo(runs / 2);
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
