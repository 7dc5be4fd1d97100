package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checked-in policies/index.txt must list exactly the pack's policy and data files. */
class PolicyPackIndexTest {

  @Test
  void indexListsEveryPolicyAndDataFileOnDisk() throws Exception {
    Path root = Path.of("policies");
    List<String> onDisk;
    try (Stream<Path> walk = Files.walk(root)) {
      onDisk = walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(rel -> rel.endsWith(".rego") || rel.endsWith("/data.json") || rel.endsWith("/data.yaml"))
          .sorted()
          .toList();
    }
    List<String> indexed = PolicyLoader.builtinIndex();
    assertThat(indexed)
        .as("policies/index.txt is out of date; its entries should be:%n%s", String.join("\n", onDisk))
        .isEqualTo(onDisk);
  }

  @Test
  void everyIndexedFileIsOnTheClasspath() throws IOException, PolicyLoadException {
    for (String rel : PolicyLoader.builtinIndex()) {
      try (var in = PolicyLoader.class.getClassLoader().getResourceAsStream("policies/" + rel)) {
        assertThat(in).as(rel).isNotNull();
      }
    }
  }
}
