package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out), new PrintStream(err));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void missingDirectoryExitsTwoWithAShortMessage() {
    Run r = run("policy", "test", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("exportguard: " + dir.resolve("nope") + ": no such file or directory").doesNotContain("\tat ");
  }

  @Test
  void unparsableDataFileNamesLineAndColumn() throws Exception {
    Files.createDirectories(dir.resolve("p/cfg"));
    Files.writeString(dir.resolve("p/cfg/data.json"), "{\n  \"a\": ,\n}");
    Run r = run("policy", "test", dir.resolve("p").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("exportguard: " + dir.resolve("p/cfg/data.json") + ":2:");
  }

  @Test
  void helpDescribesTheCommand() {
    Run r = run("policy", "test", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("N passed, M failed").contains("--run");
  }
}
