package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegoCasesCommandTest {
  @TempDir Path dir;

  private static Cli run(String... args) {
    return Cli.run(args);
  }

  private void write(String folder, String yaml) throws Exception {
    Files.createDirectories(dir.resolve(folder));
    Files.writeString(dir.resolve(folder).resolve("cases.yaml"), yaml);
  }

  @Test
  void allPassingExitsZeroAndEndsWithTheCounts() throws Exception {
    write("ok", """
        cases:
          - note: ok/one
            modules: ["package t\\np := 1"]
            query: data.t.p = x
            want_result: [{x: 1}]
        """);
    Cli r = run("rego", "cases", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).endsWith("1 passed, 0 failed");
    assertThat(r.out()).contains("ok").contains("100.0%");
  }

  @Test
  void aFailureExitsOneAndIsListedWithItsReason() throws Exception {
    write("bad", """
        cases:
          - note: bad/wrong
            modules: ["package t\\np := 1"]
            query: data.t.p = x
            want_result: [{x: 2}]
          - note: bad/skipped
            modules: ["package t"]
            query: "true"
            skip: not today
        """);
    Cli r = run("rego", "cases", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("bad/wrong -- want [{\"x\":2}], got [{\"x\":1}]");
    assertThat(r.out().strip()).endsWith("0 passed, 1 failed, 1 skipped");
  }

  @Test
  void filterRunsOnlyMatchingNotes() throws Exception {
    write("two", """
        cases:
          - note: two/good
            modules: ["package t\\np := 1"]
            query: data.t.p = x
            want_result: [{x: 1}]
          - note: two/bad
            modules: ["package t\\np := 1"]
            query: data.t.p = x
            want_result: [{x: 2}]
        """);
    Cli r = run("rego", "cases", dir.toString(), "--filter", "good");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).endsWith("1 passed, 0 failed");
  }

  @Test
  void aMissingFolderIsBadInput() {
    Cli r = run("rego", "cases", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope").contains("no such file").doesNotContain("at io.");
  }

  @Test
  void aFileThatIsNotTestCasesIsBadInput() throws Exception {
    Files.writeString(dir.resolve("x.yaml"), "just: [a, map");
    Cli r = run("rego", "cases", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("x.yaml");
  }
}
