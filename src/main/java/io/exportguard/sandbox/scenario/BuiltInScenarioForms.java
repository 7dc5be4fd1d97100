package io.exportguard.sandbox.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.sandbox.http.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in scenarios pre-parsed: made by the build ({@link #main}, run by Maven right after the
 * classes are compiled) as JSON beside each {@code scenarios/<name>.yaml}, and read instead of the
 * YAML, so starting the sandbox for the demo loads no YAML parser. A form holds the tree the YAML
 * reader gives, after a first line naming the YAML text it was made from (its length and hash): a
 * form of other text is ignored and the YAML is parsed, as it is when there is no form.
 */
public final class BuiltInScenarioForms {
  private BuiltInScenarioForms() {}

  /** The pre-parsed tree of built-in scenario {@code name} whose YAML is {@code yaml}, or null. */
  static JsonNode read(String name, String yaml) {
    try (InputStream in = BuiltInScenarioForms.class.getResourceAsStream("/scenarios/" + name + ".json")) {
      if (in == null) return null;
      String form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int nl = form.indexOf('\n');
      if (nl < 0 || !form.substring(0, nl).equals(header(yaml))) return null;
      return JsonTrees.read(form.substring(nl + 1));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The form of a scenario's YAML text: the header line, then the tree as JSON. */
  static String form(String name, String yaml, ObjectMapper json) throws IOException {
    JsonNode tree = ScenarioLoader.yamlTree(name + ".yaml", yaml);
    ScenarioLoader.parse(name + ".yaml", yaml); // a built-in scenario that does not load fails the build
    return header(yaml) + "\n" + json.writeValueAsString(tree);
  }

  private static String header(String yaml) {
    return "exportguard-scenario-form 1 " + yaml.length() + " " + yaml.hashCode();
  }

  /** Build step: writes {@code <name>.json} beside every {@code <name>.yaml} in the folder named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) throw new IllegalArgumentException("usage: BuiltInScenarioForms SCENARIO_FOLDER");
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path yaml : files) {
      String name = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
      String text = Files.readString(yaml, StandardCharsets.UTF_8);
      Files.writeString(yaml.resolveSibling(name + ".json"), form(name, text, json), StandardCharsets.UTF_8);
    }
  }
}
