package io.exportguard.redact;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Every layer's output passes through the redactor, so it sits below them all and knows none of them. */
class RedactArchitectureTest {
  @Test
  void theRedactorImportsNothingElseFromTheProject() {
    noClasses().that().resideInAPackage("io.exportguard.redact..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.exportguard..")
            .and(JavaClass.Predicates.resideOutsideOfPackage("io.exportguard.redact..")))
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.exportguard"));
  }
}
