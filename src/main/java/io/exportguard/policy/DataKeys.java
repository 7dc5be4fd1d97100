package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.config.Spelling;
import io.exportguard.rego.RegoModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The top-level keys of {@code --data} files, checked against what the loaded policies read: the
 * built-in pack's keys (its {@code exportguard/config/data.json}) with their types, and any key a
 * loaded module mentions by name (a custom check's own settings). Anything else would be silently
 * ignored — {@code maxWeeklyExport} for {@code maxWeeklyExports} — so it is an error naming the
 * file, line and column and the closest key.
 */
public final class DataKeys {
  private static final String PACK_DATA = PolicyLoader.BUILTIN_ROOT + "/exportguard/config/data.json";

  private DataKeys() {}

  public static void check(List<Path> dataFiles, LoadedPolicies loaded) throws PolicyLoadException {
    check(dataFiles, null, loaded);
  }

  /** As {@link #check(List, LoadedPolicies)}, and the configuration file's {@code data} mapping when not null. */
  public static void check(List<Path> dataFiles, PolicyLoader.InlineData config, LoadedPolicies loaded)
      throws PolicyLoadException {
    if (dataFiles.isEmpty() && config == null) return;
    JsonNode pack = packData();
    if (config != null) checkKeys(config.name(), compose(new java.io.StringReader(config.text())), pack, loaded);
    for (Path file : dataFiles) {
      Node root;
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        root = compose(r);
      } catch (IOException e) {
        continue; // the loader has already read it; its own error wins
      }
      checkKeys(file.toString(), root, pack, loaded);
    }
  }

  private static void checkKeys(String file, Node root, JsonNode pack, LoadedPolicies loaded) throws PolicyLoadException {
    if (!(root instanceof MappingNode m)) return; // DataDocuments reports a non-object document
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
      String key = k.getValue();
      String where = ":" + (k.getStartMark().getLine() + 1) + ":" + (k.getStartMark().getColumn() + 1);
      JsonNode dflt = pack.get(key);
      if (dflt != null) {
        String problem = typeProblem(key, dflt, t.getValueNode());
        if (problem != null) throw new PolicyLoadException(file + where, "'" + key + "' " + problem);
      } else if (!mentioned(key, loaded.modules())) {
        throw new PolicyLoadException(file + where, "unknown key '" + key + "': no loaded policy reads"
            + " data.exportguard.config." + key + closest(key, pack) + " (the pack's keys are in docs/configuration.md)");
      }
    }
  }

  /** The pack's data with its defaults (policies/exportguard/config/data.json). */
  public static JsonNode packData() throws PolicyLoadException {
    try (InputStream in = DataKeys.class.getClassLoader().getResourceAsStream(PACK_DATA)) {
      if (in == null) throw new PolicyLoadException(PACK_DATA, "missing from the built-in policy pack");
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new PolicyLoadException(PACK_DATA, "cannot read: " + e.getMessage());
    }
  }

  private static Node compose(Reader r) {
    try {
      LoaderOptions o = new LoaderOptions();
      o.setMaxAliasesForCollections(0);
      return new Yaml(o).compose(r);
    } catch (RuntimeException e) {
      return null; // the loader has already read it; its own error wins
    }
  }

  /**
   * The type of each pack key whose default is null ("unset"), which the default cannot tell: the
   * limits take a number, the audit's allow-lists a list. Every null default of the pack's data is
   * here ({@code DataKeysTest}).
   */
  static final Map<String, String> UNSET_TYPES = Map.of(
      "maxConcurrentExports", "number", "maxWeeklyExports", "number",
      "allowedExportBuckets", "list", "allowedExporters", "list");

  /** Why the value's type differs from the pack default's (null default: {@link #UNSET_TYPES} or null), or null. */
  private static String typeProblem(String key, JsonNode dflt, Node value) {
    String tag = value instanceof ScalarNode s ? s.getTag().getValue() : "";
    boolean isNull = tag.endsWith(":null");
    boolean number = tag.endsWith(":int") || tag.endsWith(":float");
    if (dflt.isNull()) {
      String type = UNSET_TYPES.get(key);
      if (isNull || type == null) return null;
      if (type.equals("number")) return number ? null : "must be a number or null";
      return value instanceof SequenceNode ? null : "must be a list or null";
    }
    if (dflt.isNumber()) return number ? null : "must be a number";
    if (dflt.isBoolean()) return tag.endsWith(":bool") ? null : "must be true or false";
    if (dflt.isArray()) return value instanceof SequenceNode ? null : "must be a list";
    if (dflt.isObject()) return value instanceof MappingNode ? null : "must be a mapping";
    return value instanceof ScalarNode && !isNull ? null : "must be a text";
  }

  private static boolean mentioned(String key, List<RegoModule> modules) {
    Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(key) + "(?![A-Za-z0-9_])");
    for (RegoModule m : modules) {
      if (!m.file().startsWith(PolicyLoader.BUILTIN_ROOT + "/") && word.matcher(m.source()).find()) return true;
    }
    return false;
  }

  private static String closest(String key, JsonNode pack) {
    List<String> close = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = pack.fields(); it.hasNext(); ) {
      String k = it.next().getKey();
      if (Spelling.distance(key, k) <= 2) close.add(k);
    }
    return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
  }
}
