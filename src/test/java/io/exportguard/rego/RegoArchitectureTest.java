package io.exportguard.rego;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Rego engine is a library with a small exported surface, checked here as a module-info would
 * (a JPMS module cannot draw this line inside our single Maven module; see the package docs):
 * nothing in it depends on the rest of exportguard; code outside it uses only the exported
 * packages; and the exported packages' public signatures mention no internal type.
 */
class RegoArchitectureTest {
  /** What a {@code module-info} would export. Everything else under io.exportguard.rego is internal. */
  static final Set<String> EXPORTED = Set.of("io.exportguard.rego", "io.exportguard.rego.value",
      "io.exportguard.rego.testing", "io.exportguard.rego.conformance", "io.exportguard.rego.tool");

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("io.exportguard");

  private static boolean inEngine(JavaClass c) {
    return c.getPackageName().equals("io.exportguard.rego") || c.getPackageName().startsWith("io.exportguard.rego.");
  }

  private static boolean internal(JavaClass c) {
    return inEngine(c) && !EXPORTED.contains(c.getPackageName());
  }

  @Test
  void regoDependsOnNothingElseInExportguard() {
    noClasses().that().resideInAPackage("io.exportguard.rego..")
        .should().dependOnClassesThat(DescribedPredicate.describe("outside io.exportguard.rego",
            c -> c.getPackageName().startsWith("io.exportguard") && !inEngine(c)))
        .check(CLASSES);
  }

  @Test
  void codeOutsideTheEngineUsesOnlyItsExportedPackages() {
    noClasses().that().resideOutsideOfPackage("io.exportguard.rego..")
        .should().dependOnClassesThat(DescribedPredicate.describe("in the engine's internal packages "
            + "(ast, parser, compiler, eval, builtins)", RegoArchitectureTest::internal))
        .check(CLASSES);
  }

  @Test
  void exportedSignaturesMentionNoInternalType() {
    classes().that(DescribedPredicate.describe("public classes of exported packages",
            (JavaClass c) -> EXPORTED.contains(c.getPackageName()) && c.getModifiers().contains(JavaModifier.PUBLIC)))
        .should(new ArchCondition<JavaClass>("expose only exported types in public members") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            for (JavaMember m : c.getMembers()) {
              if (!m.getModifiers().contains(JavaModifier.PUBLIC) && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
                continue;
              }
              for (JavaClass t : signatureTypes(m)) {
                if (internal(t)) {
                  events.add(SimpleConditionEvent.violated(m, m.getFullName() + " exposes internal " + t.getName()));
                }
              }
            }
          }
        })
        .check(CLASSES);
  }

  private static List<JavaClass> signatureTypes(JavaMember m) {
    List<JavaType> types = new ArrayList<>();
    if (m instanceof JavaField f) types.add(f.getType());
    if (m instanceof JavaCodeUnit u) {
      types.addAll(u.getParameterTypes());
      types.add(u.getReturnType());
      types.addAll(u.getThrowsClause().getTypes());
    }
    List<JavaClass> out = new ArrayList<>();
    for (JavaType t : types) out.addAll(t.getAllInvolvedRawTypes());
    return out;
  }
}
