package io.exportguard.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prestart's guesses from the raw arguments (the runner checks them against the parsed flags). */
class PrestartTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "preflight --sandbox demo-pass --region r           | demo-pass | true",
      "preflight --region r --sandbox=demo-fail            | demo-fail | true",
      "preflight --endpoint http://127.0.0.1:1 --region r  | null      | true",
      "preflight --endpoint=http://127.0.0.1:1             | null      | true",
      "preflight --region r --image i --bucket b           | null      | false",
      "preflight --sandbox                                 | null      | true"})
  void guessesTheSandboxScenarioAndWhetherOnlyAnEmulatorIsUsed(String args, String scenario, boolean emulator) {
    String[] argv = args.trim().split(" +");
    assertThat(Prestart.flagValue(argv, "--sandbox")).isEqualTo(scenario);
    assertThat(Prestart.namesEmulator(argv)).isEqualTo(emulator);
  }
}
