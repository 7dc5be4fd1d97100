package io.exportguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.FactsTree;
import io.exportguard.facts.TargetFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facts a scan assembles, from every plan and template in the scan fixtures (with and without
 * the policy files beside them), give the same tree through {@link FactsTree#of(Facts)} as through
 * Jackson's bean serialization, which the scan used before: same fields, order, values and node
 * types.
 */
class ScanFactsTreeTest {
  private static final Path FIXTURES = Path.of("src/test/resources/scan");

  @Test
  void everyScannedTargetsTreeIsTheOneBeanSerializationGives() throws Exception {
    List<Path> inputs;
    try (Stream<Path> s = Stream.concat(Files.list(FIXTURES.resolve("terraform")),
        Files.list(FIXTURES.resolve("ros")))) {
      inputs = s.filter(p -> p.toString().endsWith(".tfplan.json") || p.toString().endsWith(".ros.yaml"))
          .sorted().toList();
    }
    Path policies = FIXTURES.resolve("policies");
    ScanSource.RequestFlags none = new ScanSource.RequestFlags(null, null, null, null, null, null);
    List<Facts> scanned = new ArrayList<>();
    for (Path input : inputs) {
      for (boolean withPolicies : new boolean[] {false, true}) {
        ScanSource.Options o = withPolicies
            ? new ScanSource.Options(List.of(input), List.of(policies.resolve("trust-ecs.json")),
                List.of(policies.resolve("role-oss-six-actions.json")), List.of(policies.resolve("bucket-deny-put.json")),
                null, null, none, "1234567890123456")
            : new ScanSource.Options(List.of(input), null, null, null, null, null, none, null);
        ScanSource source;
        try {
          source = ScanSource.open(o);
        } catch (ScanInputException e) {
          continue; // a fixture made to be refused
        }
        source.deliver(new FactsSource.Sink() {
          @Override
          public void target(TargetFacts facts) {
            scanned.add(facts.document().facts());
          }

          @Override
          public void error(FactError error) {}
        });
      }
    }
    assertThat(scanned).as("targets scanned").hasSizeGreaterThan(10);
    assertThat(scanned).as("with policy documents").anyMatch(f -> f.role() != null && f.role().trustPolicy() != null);
    for (Facts f : scanned) {
      JsonNode jackson = FactsJson.mapper().valueToTree(f);
      JsonNode ours = FactsTree.of(f);
      assertThat(FactsJson.mapper().writeValueAsString(ours)).isEqualTo(FactsJson.mapper().writeValueAsString(jackson));
      assertThat(ours).isEqualTo(jackson);
    }
  }
}
