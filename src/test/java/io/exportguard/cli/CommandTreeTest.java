package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only the named subcommand's model is built (not even the help subcommand beside it, which such a
 * command line cannot reach); anything else sees the whole tree.
 */
class CommandTreeTest {
  static final List<String> ALL = List.of("preflight", "eval", "audit", "report", "scan", "policy", "rego", "sandbox",
      "serve");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "preflight --region r  | preflight",
      "eval                  | eval",
      "policy test           | policy",
      "sandbox --scenario x  | sandbox",
      "scan plan.json        | scan",
      "serve --addr x        | serve",
      "--help                | help preflight eval audit report scan policy rego sandbox serve",
      "--version             | help preflight eval audit report scan policy rego sandbox serve",
      "preflght              | help preflight eval audit report scan policy rego sandbox serve",
      "''                    | help preflight eval audit report scan policy rego sandbox serve"})
  void buildsTheNamedSubcommandOrAllOfThem(String args, String expected) {
    String[] argv = args.isBlank() ? new String[0] : args.trim().split(" +");
    assertThat(Main.commandLine(argv).getSubcommands().keySet()).containsExactly(expected.split(" "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "policy test     | test",
      "policy tset     | test build help",
      "policy          | test build help",
      "policy help     | test build help",
      "rego eval x     | eval",
      "report merge a  | merge"})
  void aGroupBuildsTheNamedSubcommandOrAllOfThem(String args, String expected) {
    String[] argv = args.trim().split(" +");
    assertThat(Main.commandLine(argv).getSubcommands().get(argv[0]).getSubcommands().keySet())
        .containsExactly(expected.split(" "));
  }

  @Test
  void theTopLevelUsageStillListsEveryCommand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream()));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(ALL);
  }

  @ParameterizedTest
  @CsvSource({"preflight", "eval", "sandbox"})
  void aSubcommandsUsageErrorNamesItsQualifiedCommand(String command) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {command, "--no-such-flag"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Try 'exportguard " + command + " --help'.");
  }
}
