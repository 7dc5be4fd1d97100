package io.exportguard.rego;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example in the engine's README compiles as written, uses only the exported
 * packages, and prints what the README says it prints.
 */
class EmbeddingExampleTest {
  private static final Path README = Path.of("src/main/java/io/exportguard/rego/README.md");

  @TempDir Path out;

  @Test
  void theReadmeExampleCompilesUsesOnlyExportedPackagesAndRuns() throws Exception {
    String source = firstJavaBlock(Files.readString(README));
    Path file = out.resolve("EmbeddingExample.java");
    Files.writeString(file, source);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String engineClasses = Path.of(Rego.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-classpath", engineClasses, "-d", out.toString(), "-Xlint:all", "-Werror"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    List<String> used = new ArrayList<>();
    for (JavaClass c : new ClassFileImporter().importPath(out)) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String pkg = d.getTargetClass().getPackageName();
        if (pkg.startsWith("io.exportguard")) used.add(pkg);
      }
    }
    assertThat(used).isNotEmpty().allMatch(RegoArchitectureTest.EXPORTED::contains);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      loader.loadClass("EmbeddingExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "allow: false", "deny: \"800 GiB is over the limit of 500 GiB\"");
  }

  private static String firstJavaBlock(String markdown) {
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    if (!m.find()) throw new AssertionError("no ```java block in " + README);
    return m.group(1);
  }
}
