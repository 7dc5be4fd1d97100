package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--no-such-flag"}, new PrintStream(out), new PrintStream(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-such-flag").doesNotContain("at io.");
  }

  @Test
  void versionPrintsToolName() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--version"}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("exportguard ");
  }

  @Test
  void anAuditWithBadFlagsSaysSoAndExits2() {
    Cli r = Cli.run("audit", "--sandbox", "demo-pass", "--shard", "3/2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--shard").doesNotContain("\tat ");
  }
}
