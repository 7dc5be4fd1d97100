package io.exportguard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test scenarios made from a built-in one plus faults. */
final class Scenarios {
  private Scenarios() {}

  /** demo-pass with the given YAML fault list lines appended (each like {@code - { api: ..., error: ... }}). */
  static Path demoPassWithFaults(Path dir, String name, String... faults) throws IOException {
    String base = Files.readString(Path.of("src/main/resources/scenarios/demo-pass.yaml"));
    StringBuilder sb = new StringBuilder(base);
    if (!base.endsWith("\n")) sb.append('\n');
    sb.append("faults:\n");
    for (String f : faults) sb.append("  ").append(f).append('\n');
    return Files.writeString(dir.resolve(name + ".yaml"), sb.toString());
  }
}
