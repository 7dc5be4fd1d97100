package io.exportguard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.policy.CheckDefinition;
import io.exportguard.policy.CheckDiscovery;
import io.exportguard.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/checks.md is the built-in pack's METADATA, one section per check (the anchors SARIF helpUri
 * points at): this test renders it from the pack and fails when the page is stale. After adding or
 * changing a check, run {@code mvn -B -ntp -q test -Dtest=ChecksPageTest -Ddocs.update=true} and
 * review the diff.
 */
class ChecksPageTest {
  private static final Path PAGE = Path.of("docs", "checks.md");

  @Test
  void theChecksPageIsTheCurrentPack() throws Exception {
    List<CheckDefinition> checks = CheckDiscovery.discover(
        PolicyLoader.load(PolicyLoader.Sources.defaults()).compile().packages()).stream()
        .sorted(Comparator.comparing(CheckDefinition::id)).toList();
    String page = render(checks);
    if (Boolean.getBoolean("docs.update")) Files.writeString(PAGE, page);
    assertThat(Files.readString(PAGE)).as("%s is stale: rerun with -Ddocs.update=true", PAGE).isEqualTo(page);
  }

  static String render(List<CheckDefinition> checks) {
    StringBuilder b = new StringBuilder("""
        # Built-in checks

        The default policy pack (`policies/` in the repository, packaged in the jar). Every check appears in
        every report. A check with a **prevents** code predicts that ExportImage error and always fails on a
        finding, whatever `--fail-on` says; the others are advisory (see [exit codes and verdicts](exit-codes-and-verdicts.md)).
        SARIF reports link each rule here (`helpUri`). Limits and switches the checks read are in
        [configuration](configuration.md#pack-data). This page is generated from the checks' METADATA
        (`ChecksPageTest`).

        | id | severity | prevents | title |
        |---|---|---|---|
        """);
    for (CheckDefinition c : checks) {
      b.append("| [").append(c.id()).append("](#").append(c.id().toLowerCase(java.util.Locale.ROOT)).append(") | ")
          .append(c.severity().id()).append(" | ").append(nz(c.prevents())).append(" | ").append(cell(c.title()))
          .append(" |\n");
    }
    for (CheckDefinition c : checks) {
      b.append("\n## ").append(c.id()).append("\n\n**").append(c.title()).append("** — severity ")
          .append(c.severity().id());
      b.append(c.prevents() != null ? ", prevents `" + c.prevents() + "`" : ", advisory");
      b.append("; needs facts: ").append(c.requires().isEmpty() ? "none" : String.join(", ", c.requires()))
          .append(".\n");
      if (c.description() != null && !c.description().isBlank()) b.append('\n').append(c.description().strip()).append('\n');
      if (c.remediation() != null && !c.remediation().isBlank()) {
        b.append("\nFix:\n\n```\n").append(c.remediation().strip()).append("\n```\n");
      }
      b.append("\nSource: `").append(c.policyFile()).append("` (package `").append(c.packagePath()).append("`).\n");
    }
    return b.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
