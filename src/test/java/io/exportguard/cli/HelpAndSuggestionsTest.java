package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * --help on every command and group, a help subcommand, and suggestions for typos. The commands are
 * read from the real command tree, so a command added later is covered without editing this test.
 */
class HelpAndSuggestionsTest {

  /** Every command of the tree by its qualified name ("" for exportguard itself), parents first. */
  static List<String> commands() {
    List<String> out = new ArrayList<>();
    walk(Main.commandLine(new String[0]), "", out);
    return out;
  }

  private static void walk(CommandLine cl, String name, List<String> out) {
    out.add(name);
    cl.getSubcommands().forEach((sub, child) -> {
      if (!sub.equals("help")) walk(child, (name.isEmpty() ? "" : name + " ") + sub, out);
    });
  }

  /** The groups: commands that only hold subcommands, with the names of those (without help). */
  static List<Arguments> groups() {
    List<Arguments> out = new ArrayList<>();
    for (String c : commands()) {
      CommandLine cl = find(c);
      if (c.isEmpty() || cl.getSubcommands().isEmpty()) continue;
      List<String> subs = cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
      out.add(Arguments.of(c, String.join(", ", subs)));
    }
    return out;
  }

  static CommandLine find(String qualified) {
    CommandLine cl = Main.commandLine(new String[0]);
    if (!qualified.isEmpty()) for (String part : qualified.split(" ")) cl = cl.getSubcommands().get(part);
    return cl;
  }

  @Test
  void theTreeHoldsEveryCommandAndGroup() {
    assertThat(commands()).contains("preflight", "eval", "audit", "scan", "serve", "sandbox", "report", "report merge",
        "policy", "policy test", "policy build", "rego", "rego cases", "rego check", "rego eval");
    assertThat(groups()).extracting(a -> a.get()[0]).contains("policy", "rego", "report");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandAndGroupHasHelp(String command) {
    String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
    Cli r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: exportguard" + (command.isEmpty() ? "" : " " + command));
    assertThat(r.err()).isEmpty();
  }

  /** {@code help X} in X's parent ({@code help preflight}, {@code policy help test}) shows X's help. */
  @ParameterizedTest
  @MethodSource("commands")
  void theHelpSubcommandShowsTheNamedCommandsHelp(String command) {
    List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add(Math.max(0, args.size() - 1), "help");
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(command.isEmpty() ? "Usage: exportguard [" : "Usage: exportguard " + command);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void aGroupAloneIsAUsageErrorNamingItsSubcommands(String group, String subcommands) {
    Cli r = Cli.run(group.split(" "));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'exportguard " + group + "' needs a subcommand: " + subcommands)
        .contains("Try 'exportguard " + group + " --help'.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "preflight --regoin cn-hangzhou|Unknown option: '--regoin'|did you mean --region",
      "preflight --region r --image i --bucket b --polices x|'--polices'|did you mean --policies",
      "eval --fatcs f.json|Unknown option: '--fatcs'|did you mean --facts",
      "polciy test|Unmatched arguments from index 0: 'polciy'|did you mean policy?",
      "prefligth|Unmatched argument|did you mean preflight"})
  void typosGetTheClosestSpelling(String args, String problem, String suggestion) {
    Cli r = Cli.run(args.split(" "));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(problem).contains(suggestion);
    assertThat(r.out()).isEmpty();
  }
}
