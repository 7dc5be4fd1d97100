package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack's config data (the keys --data and the configuration file's {@code data:} are checked
 * against) and its documentation agree: every key has a row in docs/configuration.md's "Pack data"
 * table, every row names a real key, and every key without a default has a declared type.
 */
class DataKeysTest {
  @TempDir Path dir;

  static List<String> packKeys() throws Exception {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = DataKeys.packData().fieldNames(); it.hasNext(); ) keys.add(it.next());
    return keys;
  }

  /** The backticked keys in the first column of the "Pack data" table. */
  static Set<String> documentedKeys() throws Exception {
    String doc = Files.readString(Path.of("docs", "configuration.md"));
    int start = doc.indexOf("## Pack data");
    String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
    Set<String> keys = new LinkedHashSet<>();
    for (String line : section.lines().toList()) {
      if (!line.startsWith("| `")) continue;
      Matcher m = Pattern.compile("`([A-Za-z0-9_]+)`").matcher(line.substring(0, line.indexOf('|', 1)));
      while (m.find()) keys.add(m.group(1));
    }
    return keys;
  }

  @Test
  void everyKeyOfThePacksDataIsDocumentedAndEveryDocumentedKeyExists() throws Exception {
    List<String> keys = packKeys();
    assertThat(keys).contains("maxWeeklyExports", "allowedExportBuckets", "allowedExporters", "auditBuckets");
    assertThat(documentedKeys()).as("docs/configuration.md, Pack data").containsAll(keys);
    assertThat(keys).as("keys the table documents that the pack does not have").containsAll(documentedKeys());
  }

  @Test
  void theNestedKeysOfAMappingKeyAreNamedInItsRow() throws Exception {
    String doc = Files.readString(Path.of("docs", "configuration.md"));
    JsonNode data = DataKeys.packData();
    for (String key : packKeys()) {
      JsonNode v = data.get(key);
      if (!v.isObject() || v.isEmpty()) continue;
      String row = doc.lines().filter(l -> l.startsWith("| `" + key + "`")).findFirst().orElseThrow();
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String nested = it.next();
        assertThat(row).as("the row of %s names %s", key, nested).contains("`" + nested + "`");
      }
    }
  }

  @Test
  void everyKeyWithoutADefaultHasADeclaredType() throws Exception {
    JsonNode data = DataKeys.packData();
    for (String key : packKeys()) {
      if (data.get(key).isNull()) assertThat(DataKeys.UNSET_TYPES).as("type of %s", key).containsKey(key);
    }
    assertThat(packKeys()).containsAll(DataKeys.UNSET_TYPES.keySet());
  }

  @Test
  void anAllowListMustBeAListAndALimitANumber() throws Exception {
    LoadedPolicies pack = PolicyLoader.load(PolicyLoader.Sources.defaults());
    for (Map.Entry<String, String> bad : Map.of("allowedExportBuckets: exports-*\n", "must be a list or null",
        "allowedExporters: {user: bob}\n", "must be a list or null",
        "maxWeeklyExports: lots\n", "must be a number or null").entrySet()) {
      Path f = Files.writeString(dir.resolve("d.yaml"), bad.getKey());
      assertThatThrownBy(() -> DataKeys.check(List.of(f), pack)).hasMessageContaining(bad.getValue());
    }
    Path good = Files.writeString(dir.resolve("ok.yaml"), "allowedExportBuckets: [exports-*]\nallowedExporters: null\n"
        + "maxWeeklyExports: 10\nauditBuckets: {cn-hangzhou: b}\n");
    DataKeys.check(List.of(good), pack);
  }
}
