package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --help on every command and group, a help subcommand, and suggestions for typos. */
class HelpAndSuggestionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "preflight", "eval", "audit", "policy", "policy test", "rego", "rego cases", "rego check", "rego eval", "sandbox"})
  void everyCommandAndGroupHasHelp(String command) {
    String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
    Cli r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: exportguard" + (command.isEmpty() ? "" : " " + command));
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"help,Usage: exportguard [", "help preflight,Usage: exportguard preflight", "policy help test,"
      + "Usage: exportguard policy test", "rego help,Usage: exportguard rego"})
  void theHelpSubcommandShowsTheNamedCommandsHelp(String args, String usage) {
    Cli r = Cli.run(args.split(" "));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(usage);
  }

  @ParameterizedTest
  @CsvSource({"policy,'exportguard policy' needs a subcommand: test", "rego,'exportguard rego' needs a subcommand: cases, check, eval"})
  void aGroupAloneIsAUsageErrorNamingItsSubcommands(String group, String message) {
    Cli r = Cli.run(group);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(message).contains("Try 'exportguard " + group + " --help'.");
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
