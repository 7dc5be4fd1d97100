package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.exportguard.facts.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the {@code .tf} line that declares a plan's resource, so findings can point at the code a
 * pull request changes rather than at the generated plan. The plan's {@code configuration} names
 * each module call's source; local sources ({@code ./modules/x}) are read relative to the root
 * module's folder, others through {@code .terraform/modules/modules.json} when {@code terraform init}
 * left it there. A resource that cannot be found keeps only its place in the plan.
 */
final class TerraformSources {
  private static final Pattern BLOCK = Pattern.compile("^\\s*(resource|data)\\s+\"([^\"]+)\"\\s+\"([^\"]+)\"");

  private final Path root;
  private final Path shownRoot;
  private final Map<String, Map<String, SourceLocation>> byModule = new HashMap<>();
  private Map<String, String> installed;

  /**
   * @param root the root module's folder on disk, or null when unknown (then nothing is found)
   * @param shownRoot the same folder as reports name it (relative to the working directory)
   */
  TerraformSources(Path root, Path shownRoot) {
    this.root = root;
    this.shownRoot = shownRoot;
  }

  /** Where the instance's resource block is written, or null. */
  SourceLocation find(PlanIndex plan, PlanIndex.Instance i) {
    if (root == null) return null;
    Map<String, SourceLocation> blocks = byModule.computeIfAbsent(i.configModule(), m -> index(plan, m));
    return blocks.get(i.typeAndName());
  }

  private Map<String, SourceLocation> index(PlanIndex plan, String configModule) {
    String dir = moduleDir(plan, configModule);
    Map<String, SourceLocation> out = new HashMap<>();
    if (dir == null) return out;
    Path folder = root.resolve(dir).normalize();
    if (!Files.isDirectory(folder)) return out;
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return out;
    }
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        continue;
      }
      String shown = show(shownRoot.resolve(dir).normalize().resolve(f.getFileName()));
      for (int n = 0; n < lines.size(); n++) {
        Matcher m = BLOCK.matcher(lines.get(n));
        if (!m.find()) continue;
        String key = (m.group(1).equals("data") ? "data." : "") + m.group(2) + "." + m.group(3);
        out.putIfAbsent(key, new SourceLocation(shown, n + 1, lines.get(n).indexOf(m.group(1)) + 1, key));
      }
    }
    return out;
  }

  /** The folder of a module relative to the root module, or null when it is not on disk. */
  private String moduleDir(PlanIndex plan, String configModule) {
    if (configModule.isEmpty()) return ".";
    String source = plan.moduleSource(configModule);
    if (source != null && (source.startsWith("./") || source.startsWith("../"))) {
      String parent = moduleDir(plan, configModule.substring(0, Math.max(configModule.lastIndexOf(".module."), 0)));
      return parent == null ? null : Path.of(parent).resolve(source).normalize().toString();
    }
    return installed().get(configModule.replace("module.", ""));
  }

  /** {@code terraform init}'s record of installed modules: module key (a.b) to folder. */
  private Map<String, String> installed() {
    if (installed != null) return installed;
    installed = new HashMap<>();
    Path manifest = root.resolve(".terraform/modules/modules.json");
    if (!Files.isRegularFile(manifest)) return installed;
    try {
      JsonNode modules = new ObjectMapper().readTree(manifest.toFile()).path("Modules");
      for (JsonNode m : modules) installed.put(m.path("Key").asText(), m.path("Dir").asText());
    } catch (IOException e) {
      // An unreadable manifest only means those modules' lines are not found.
    }
    return installed;
  }

  static String show(Path p) {
    String s = p.normalize().toString().replace('\\', '/');
    return s.startsWith("./") ? s.substring(2) : s;
  }
}
