package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under src/test/resources/report/golden. Run the tests with
 * {@code -Dgolden.update=true} to rewrite the golden files after an intended change, then review
 * the diff before committing it.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/report/golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      if (!Boolean.getBoolean("golden.update")) {
        throw new AssertionError("golden file " + file + " was missing and has been written; review and rerun");
      }
    }
    assertThat(actual).as("output differs from golden file %s (rerun with -Dgolden.update=true to accept)", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
