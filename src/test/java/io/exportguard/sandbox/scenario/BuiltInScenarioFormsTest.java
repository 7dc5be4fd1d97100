package io.exportguard.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The build's pre-parsed built-in scenarios: the very tree their YAML gives, and ignored once the YAML changes. */
class BuiltInScenarioFormsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> builtIns() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("src/main/resources/scenarios"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("builtIns")
  void theBuildMadeAFormOfEachBuiltInScenarioThatGivesItsYamlTree(String name) throws Exception {
    String yaml = Files.readString(Path.of("src/main/resources/scenarios/" + name + ".yaml"), StandardCharsets.UTF_8);
    JsonNode form = BuiltInScenarioForms.read(name, yaml);
    assertThat(form).as("the form on the classpath (made at process-classes)").isNotNull();
    JsonNode fromYaml = ScenarioLoader.yamlTree(name + ".yaml", yaml);
    assertThat(form).isEqualTo(fromYaml);
    assertThat(JSON.writeValueAsString(form)).isEqualTo(JSON.writeValueAsString(fromYaml));
    // Task times are relative to now ("-2h"), so two loads differ in them by the time between.
    assertThat(ScenarioLoader.load(name)).usingRecursiveComparison().ignoringFieldsOfTypes(java.time.Instant.class)
        .isEqualTo(ScenarioLoader.parse(name + ".yaml", yaml));
  }

  @Test
  void aFormOfOtherYamlIsIgnored() throws Exception {
    String yaml = Files.readString(Path.of("src/main/resources/scenarios/demo-pass.yaml"), StandardCharsets.UTF_8);
    assertThat(BuiltInScenarioForms.read("demo-pass", yaml + "\n# changed\n")).isNull();
    assertThat(BuiltInScenarioForms.read("no-such-scenario", yaml)).isNull();
  }
}
