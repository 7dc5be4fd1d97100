package io.exportguard.rego;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Rego engine is a library: nothing in it may depend on the rest of exportguard. */
class RegoArchitectureTest {

  @Test
  void regoDependsOnNothingElseInExportguard() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("io.exportguard");
    noClasses().that().resideInAPackage("io.exportguard.rego..")
        .should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe("outside io.exportguard.rego",
                c -> c.getPackageName().startsWith("io.exportguard")
                    && !c.getPackageName().equals("io.exportguard.rego")
                    && !c.getPackageName().startsWith("io.exportguard.rego.")))
        .check(classes);
  }
}
