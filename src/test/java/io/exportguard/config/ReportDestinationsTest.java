package io.exportguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --out - (one machine format on stdout), --no-report-files, and the written paths named at the end. */
class ReportDestinationsTest {
  @TempDir static Path dir;
  static Path facts;

  @BeforeAll
  static void gather() {
    facts = dir.resolve("facts.json");
    Cli r = Cli.run("preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--report", "console", "--save-facts", facts.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void outDashWritesTheOneMachineFormatToStdoutAndNoFile() throws Exception {
    Cli r = Cli.run("eval", "--facts", facts.toString(), "--report", "json", "--out", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).path("schema").asText()).isEqualTo("exportguard.report/v1");
    assertThat(Path.of("-")).doesNotExist();
    Cli sarif = Cli.run("eval", "--facts", facts.toString(), "--report", "sarif", "--out", "-");
    assertThat(sarif.out()).contains("\"version\": \"2.1.0\"");
  }

  @Test
  void outDashWithTheConsoleOrTwoFormatsIsBadInput() {
    for (String formats : new String[] {"console,json", "json,sarif", "console"}) {
      Cli r = Cli.run("eval", "--facts", facts.toString(), "--report", formats, "--out", "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("--out - writes one machine format to stdout; --report names " + formats);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void noReportFilesWritesOnlyTheConsoleAndWrittenFilesAreNamed() throws Exception {
    Path none = dir.resolve("none");
    Cli quiet = Cli.run("eval", "--facts", facts.toString(), "--report", "console,json,sarif", "--out", none.toString(),
        "--no-report-files");
    assertThat(quiet.code()).isZero();
    assertThat(quiet.out()).startsWith("PASS");
    assertThat(none).doesNotExist();
    assertThat(quiet.err()).doesNotContain("report: ");

    Path some = dir.resolve("some");
    Cli named = Cli.run("eval", "--facts", facts.toString(), "--report", "json,sarif", "--out", some.toString());
    try (var files = Files.list(some)) {
      for (Path f : files.toList()) assertThat(named.err()).contains("report: " + f);
    }
    assertThat(named.err().lines().filter(l -> l.startsWith("report: ")).count()).isEqualTo(2);
  }
}
