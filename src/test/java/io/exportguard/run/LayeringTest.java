package io.exportguard.run;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers, in the order data moves: cli on top hands flags to run, which composes the stages;
 * facts at the bottom (the document and the source seam), cloud and policy beside each other above
 * it, export after policy, report last (it knows only the facts it reports).
 */
class LayeringTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.exportguard");

  @Test
  void factsDependOnNothingAboveThem() {
    noClasses().that().resideInAPackage("io.exportguard.facts..")
        .should().dependOnClassesThat().resideInAnyPackage("io.exportguard.cloud..", "io.exportguard.policy..",
            "io.exportguard.run..", "io.exportguard.export..", "io.exportguard.cli..", "io.exportguard.sandbox..")
        .check(CLASSES);
  }

  @Test
  void cloudKnowsNoPoliciesReportsOrRuns() {
    noClasses().that().resideInAPackage("io.exportguard.cloud..")
        .should().dependOnClassesThat().resideInAnyPackage("io.exportguard.policy..", "io.exportguard.run..",
            "io.exportguard.cli..", "io.exportguard.sandbox..", "io.exportguard.rego..")
        .check(CLASSES);
  }

  @Test
  void policiesNeverCallTheCloud() {
    noClasses().that().resideInAPackage("io.exportguard.policy..")
        .should().dependOnClassesThat().resideInAnyPackage("io.exportguard.cloud..", "io.exportguard.run..",
            "io.exportguard.export..", "io.exportguard.cli..", "io.exportguard.sandbox..")
        .check(CLASSES);
  }

  @Test
  void runnersDoNotReachBackIntoTheCli() {
    noClasses().that().resideInAnyPackage("io.exportguard.run..", "io.exportguard.export..")
        .should().dependOnClassesThat().resideInAPackage("io.exportguard.cli..")
        .check(CLASSES);
  }

  @Test
  void reportsKnowOnlyTheFactsTheyReport() {
    noClasses().that().resideInAPackage("io.exportguard.report..")
        .should().dependOnClassesThat().resideInAnyPackage("io.exportguard.cloud..", "io.exportguard.policy..",
            "io.exportguard.run..", "io.exportguard.export..", "io.exportguard.cli..", "io.exportguard.sandbox..",
            "io.exportguard.rego..")
        .check(CLASSES);
  }

  @Test
  void theExportStepKnowsNoPoliciesOrRuns() {
    noClasses().that().resideInAPackage("io.exportguard.export..")
        .should().dependOnClassesThat().resideInAnyPackage("io.exportguard.policy..", "io.exportguard.run..",
            "io.exportguard.sandbox..", "io.exportguard.rego..")
        .check(CLASSES);
  }

  /** One source of exit codes: the runners name them (report.ExitCodes, a verdict's exitCode), never as numbers. */
  @Test
  void runnersWriteNoExitCodeAsANumber() throws Exception {
    java.util.regex.Pattern literal = java.util.regex.Pattern.compile("return\\s+[0-9]+\\s*;|exitCode\\s*=\\s*[0-9]");
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/io/exportguard/run"))) {
      for (java.nio.file.Path f : files.toList()) {
        String text = java.nio.file.Files.readString(f);
        org.assertj.core.api.Assertions.assertThat(literal.matcher(text).find()).as(f.toString()).isFalse();
      }
    }
  }
}
