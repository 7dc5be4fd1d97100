package io.exportguard.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Initialising {@link HtmlReportWriter} builds the Pebble engine and compiles its templates, a good
 * part of a short run's start-up: only the writer factory may reach it, so a run that writes no
 * HTML (the console and JSON reports of a plain preflight) never pays for it.
 */
class HtmlWriterIsolationTest {
  @Test
  void onlyTheWriterFactoryReachesTheHtmlWriter() {
    noClasses().that().haveNameNotMatching("io\\.exportguard\\.report\\.(HtmlReportWriter|ReportWriters)(\\$.*)?")
        .should().dependOnClassesThat().haveFullyQualifiedName(HtmlReportWriter.class.getName())
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.exportguard"));
  }
}
