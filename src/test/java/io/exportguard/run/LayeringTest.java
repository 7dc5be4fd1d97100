package io.exportguard.run;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The preflight layers: facts at the bottom, cloud and policy beside each other, run on top, cli above it. */
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
}
