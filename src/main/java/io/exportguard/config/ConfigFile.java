package io.exportguard.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code .exportguard.yaml}: found with {@code --config FILE}, else in the working directory, else
 * at the root of the git work tree around it.
 *
 * <pre>
 * defaults:                 # a default for any long flag of any command, by its name without "--"
 *   fail-on: high
 *   report: console,json,sarif
 *   data: limits.yaml       # a --data file (a list gives several)
 * policies: [my-checks]     # added to --policies, relative to this file
 * data:                     # merged over data.exportguard.config, under any --data file
 *   maxWeeklyExports: 100
 * waivers:
 *   - check: EG-BUCKET-006  # required
 *     resource: my-bucket   # optional: only findings about this resource; or pattern: "logs-*"
 *     reason: ...           # required
 *     owner: ...            # required
 *     expires: 2027-03-31   # required, the last day it applies
 *     acceptExportFailure: false   # required true to waive a check that names a prevents code
 * </pre>
 *
 * Every key is checked: an unknown one is an error naming it, its line and column, and the keys
 * that are allowed there. Flags given on the command line win over {@code defaults}.
 */
public final class ConfigFile {
  /** The file name looked for. */
  public static final String NAME = ".exportguard.yaml";
  private static final Set<String> TOP = Set.of("defaults", "policies", "data", "waivers");
  private static final Set<String> WAIVER = Set.of("check", "resource", "pattern", "reason", "owner", "expires",
      "acceptExportFailure");

  private final Path file;
  private final Map<String, String> defaults;
  private final Map<String, String> defaultPlaces;
  private final List<Path> policies;
  private final List<WaiverRule> waivers;
  private final String data;

  private ConfigFile(Path file, Map<String, String> defaults, Map<String, String> defaultPlaces, List<Path> policies,
                     List<WaiverRule> waivers, String data) {
    this.file = file;
    this.defaults = defaults;
    this.defaultPlaces = defaultPlaces;
    this.policies = policies;
    this.waivers = waivers;
    this.data = data;
  }

  /** No configuration. */
  public static ConfigFile none() {
    return new ConfigFile(null, Map.of(), Map.of(), List.of(), List.of(), null);
  }

  /**
   * The file to use: {@code explicit} when given (it must exist), else {@value #NAME} in
   * {@code workingDir}, else at the root of the git work tree {@code workingDir} is in; null if none.
   */
  public static Path locate(Path explicit, Path workingDir) throws ConfigException {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) throw new ConfigException("--config " + explicit + ": no such file");
      return explicit;
    }
    Path here = workingDir.toAbsolutePath().normalize();
    if (Files.isRegularFile(here.resolve(NAME))) return here.resolve(NAME);
    for (Path d = here; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return Files.isRegularFile(d.resolve(NAME)) ? d.resolve(NAME) : null;
      }
    }
    return null;
  }

  /** Reads and checks a file. */
  public static ConfigFile load(Path file) throws ConfigException {
    Node root;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(0);
      root = new Yaml(options).compose(new java.io.StringReader(text));
    } catch (MarkedYAMLException e) {
      throw new ConfigException(file + at(e.getProblemMark()) + ": not valid YAML (" + e.getProblem() + ")");
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null) return new ConfigFile(file, Map.of(), Map.of(), List.of(), List.of(), null);
    Reading in = new Reading(file);
    MappingNode top = in.mapping(root, "the file");
    Map<String, String> defaults = new LinkedHashMap<>();
    Map<String, String> places = new LinkedHashMap<>();
    List<Path> policies = new ArrayList<>();
    List<WaiverRule> waivers = new ArrayList<>();
    String data = null;
    for (NodeTuple t : top.getValue()) {
      String key = in.key(t, TOP, "the top level");
      Node v = t.getValueNode();
      switch (key) {
        case "defaults" -> {
          for (NodeTuple d : in.mapping(v, "defaults").getValue()) {
            String flag = in.scalar(d.getKeyNode(), "a flag name");
            defaults.put(flag, in.flagValue(d.getValueNode(), "defaults." + flag));
            places.put(flag, file + at(d.getKeyNode().getStartMark()));
          }
        }
        case "policies" -> {
          for (Node p : in.sequence(v, "policies").getValue()) {
            // Relative to the file, so the configuration works from any directory.
            Path path = Path.of(in.scalar(p, "a policy folder"));
            policies.add(path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path).normalize());
          }
        }
        case "waivers" -> {
          for (Node w : in.sequence(v, "waivers").getValue()) waivers.add(in.waiver(w));
        }
        case "data" -> data = inPlace(text, in.mapping(v, "data"));
        default -> throw new IllegalStateException(key);
      }
    }
    return new ConfigFile(file, Map.copyOf(defaults), Map.copyOf(places), List.copyOf(policies), List.copyOf(waivers),
        data);
  }

  /**
   * The text of {@code node} where it stands in {@code text}: the lines and columns before it blanked,
   * so a data reader's line and column point into the configuration file itself.
   */
  private static String inPlace(String text, Node node) {
    Mark start = node.getStartMark();
    Mark end = node.getEndMark();
    // Marks count code points; String indexes count chars.
    int from = text.offsetByCodePoints(0, start.getIndex());
    int to = text.offsetByCodePoints(0, end.getIndex());
    return "\n".repeat(start.getLine()) + " ".repeat(start.getColumn()) + text.substring(from, to);
  }

  public Path file() { return file; }

  /** Flag defaults by long name without dashes. */
  public Map<String, String> defaults() { return defaults; }

  /** Where each default was written ({@code file:line:column}), for the message about an unknown flag. */
  public String placeOf(String flag) { return defaultPlaces.get(flag); }

  public List<Path> policies() { return policies; }

  public List<WaiverRule> waivers() { return waivers; }

  /**
   * The {@code data} mapping as YAML text at its own lines and columns of the file (read it under
   * the file's name), or null when the file has none.
   */
  public String data() { return data; }

  static String at(Mark m) {
    return m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
  }

  /** Node-walking helpers that turn every surprise into a {@link ConfigException} naming the place. */
  private record Reading(Path file) {
    ConfigException error(Node n, String message) {
      return new ConfigException(file + at(n.getStartMark()) + ": " + message);
    }

    MappingNode mapping(Node n, String what) throws ConfigException {
      if (n instanceof MappingNode m) return m;
      throw error(n, what + " must be a mapping of keys to values");
    }

    SequenceNode sequence(Node n, String what) throws ConfigException {
      if (n instanceof SequenceNode s) return s;
      throw error(n, what + " must be a list");
    }

    String scalar(Node n, String what) throws ConfigException {
      if (n instanceof ScalarNode s) return s.getValue();
      throw error(n, what + " must be a single value");
    }

    String key(NodeTuple t, Set<String> allowed, String where) throws ConfigException {
      String k = scalar(t.getKeyNode(), "a key");
      if (!allowed.contains(k)) {
        throw error(t.getKeyNode(), "unknown key '" + k + "' at " + where + " (allowed: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
      return k;
    }

    /** A flag default: one value, or a list joined with commas (as --report takes it). */
    String flagValue(Node n, String what) throws ConfigException {
      if (n instanceof ScalarNode s) return s.getValue();
      if (n instanceof SequenceNode seq) {
        List<String> parts = new ArrayList<>();
        for (Node item : seq.getValue()) parts.add(scalar(item, what + " items"));
        return String.join(",", parts);
      }
      throw error(n, what + " must be a value or a list of values");
    }

    WaiverRule waiver(Node n) throws ConfigException {
      MappingNode m = mapping(n, "a waiver");
      Map<String, Node> f = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) f.put(key(t, WAIVER, "a waiver"), t.getValueNode());
      for (String required : List.of("check", "reason", "owner", "expires")) {
        if (!f.containsKey(required) || scalar(f.get(required), required).isBlank()) {
          throw error(n, "a waiver needs " + required + " (it has: " + String.join(", ", f.keySet()) + ")");
        }
      }
      if (f.containsKey("resource") && f.containsKey("pattern")) {
        throw error(f.get("pattern"), "a waiver names a resource or a pattern, not both");
      }
      LocalDate expires;
      try {
        expires = LocalDate.parse(scalar(f.get("expires"), "expires"));
      } catch (DateTimeParseException e) {
        throw error(f.get("expires"), "expires must be a date, yyyy-MM-dd");
      }
      boolean accept = false;
      if (f.containsKey("acceptExportFailure")) {
        String v = scalar(f.get("acceptExportFailure"), "acceptExportFailure");
        if (!v.equals("true") && !v.equals("false")) throw error(f.get("acceptExportFailure"), "acceptExportFailure must be true or false");
        accept = v.equals("true");
      }
      return new WaiverRule(scalar(f.get("check"), "check"),
          f.containsKey("resource") ? scalar(f.get("resource"), "resource") : null,
          f.containsKey("pattern") ? scalar(f.get("pattern"), "pattern") : null,
          scalar(f.get("reason"), "reason"), scalar(f.get("owner"), "owner"), expires, accept,
          file + ":" + (n.getStartMark().getLine() + 1));
    }
  }
}
