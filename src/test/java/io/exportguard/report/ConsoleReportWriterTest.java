package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConsoleReportWriterTest {

  @Test
  void plainFailingRunMatchesGolden() throws Exception {
    Golden.assertMatches("fail.console.txt", Render.of(new ConsoleReportWriter(false), SampleReports.failing()));
  }

  @Test
  void plainPassingRunMatchesGolden() throws Exception {
    Golden.assertMatches("pass.console.txt", Render.of(new ConsoleReportWriter(false), SampleReports.passing()));
  }

  @Test
  void verdictComesFirstAndBlockingChecksLeadTheTable() {
    String text = Render.of(new ConsoleReportWriter(false), SampleReports.failing());
    assertThat(text).startsWith("FAIL  4 of 30 checks failed");
    String[] lines = text.split("\n");
    int header = 0;
    while (!lines[header].startsWith("STATUS")) header++;
    assertThat(lines[header + 1]).startsWith("FAIL    critical");
    assertThat(text).doesNotContain("\u001b");
  }

  @Test
  void saysAllChecksPassedOnlyWhenAllDid() {
    // SampleReports.passing() has warned and waived checks: its verdict is pass, but not every check passed.
    String text = Render.of(new ConsoleReportWriter(false), SampleReports.passing());
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo("PASS  27 of 30 checks passed, 2 warned, 1 waived; the export may go ahead").doesNotContain("all");
  }

  @Test
  void anErrorVerdictSaysWhyWhenNoCheckErrored() {
    Report passing = SampleReports.passing();
    java.util.List<io.exportguard.facts.FactError> errors = java.util.List.of(
        new io.exportguard.facts.FactError("nowhere", "ecs:DescribeImages", "InternalError", "boom"));
    Report r = new Report(passing.schema(), passing.tool(), passing.startedAt(), 0, passing.target(),
        io.exportguard.policy.Verdicts.summarize(passing.checks(), errors), passing.checks(), errors, null);
    assertThat(Render.of(new ConsoleReportWriter(false), r))
        .startsWith("ERROR  1 fact could not be gathered, so a pass cannot be established");
  }

  @Test
  void colourUsesAnsiCodesOnlyWhenAsked() {
    String coloured = Render.of(new ConsoleReportWriter(true), SampleReports.failing());
    assertThat(coloured).contains("\u001b[31m").contains("\u001b[0m");
  }

  @ParameterizedTest(name = "terminal={0} NO_COLOR={1} -> {2}")
  @CsvSource(nullValues = "unset", value = {
      "true, unset, true",
      "true, 1, false",
      "true, '', true",
      "false, unset, false",
      "false, 1, false",
  })
  void colourOnlyOnATerminalWithoutNoColor(boolean terminal, String noColor, boolean expected) {
    Map<String, String> env = new HashMap<>();
    if (noColor != null) env.put("NO_COLOR", noColor);
    assertThat(ConsoleReportWriter.colourWanted(terminal, env)).isEqualTo(expected);
  }

  @Test
  void cloudStringsCannotSendEscapeSequencesOrBreakLines() {
    Report report = SampleReports.mapStrings(SampleReports.failing(),
        s -> s == null ? null : s + "\u001b[2J\u001b]0;pwned\u0007\nFAKE PASS\u202e");
    String text = Render.of(new ConsoleReportWriter(false), report);
    assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
        .doesNotContain("\nFAKE PASS").contains("\\u001b[2J").contains("\\nFAKE PASS");
  }

  @Test
  void passesAreOneLineAfterWhatNeedsAttentionUnlessVerbose() {
    Report r = SampleReports.failing();
    long passed = r.checks().stream().filter(c -> c.status() == Status.PASS).count();
    String brief = Render.of(new ConsoleReportWriter(false), r);
    assertThat(brief).contains("PASS    " + passed + " checks passed: EG-").contains("(--verbose lists them)");
    assertThat(brief.lines().filter(l -> l.startsWith("PASS    ")).count()).isEqualTo(1);
    assertThat(brief.indexOf("FAIL    ")).isLessThan(brief.indexOf("PASS    "));
    assertThat(brief).contains("fix: ");

    String verbose = Render.of(new ConsoleReportWriter(false, true), r);
    assertThat(verbose.lines().filter(l -> l.startsWith("PASS    ")).count()).isEqualTo(passed);
    assertThat(verbose).doesNotContain("--verbose lists them");
    assertThat(verbose.lastIndexOf("FAIL    ")).isLessThan(verbose.indexOf("PASS    "));
  }
}
