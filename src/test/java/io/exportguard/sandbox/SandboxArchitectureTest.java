package io.exportguard.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sandbox stands in for Alibaba Cloud, so it must not share code with the client it emulates for. */
class SandboxArchitectureTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.exportguard");

  @Test
  void theSandboxImportsNothingElseFromTheProject() {
    noClasses().that().resideInAPackage("io.exportguard.sandbox..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.exportguard..")
            .and(JavaClass.Predicates.resideOutsideOfPackage("io.exportguard.sandbox..")))
        .check(CLASSES);
  }
}
