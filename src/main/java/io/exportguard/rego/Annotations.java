package io.exportguard.rego;

import java.util.Map;

/**
 * A METADATA block attached to a package or a rule.
 *
 * @param scope package, rule, document or subpackages
 * @param fields the parsed YAML (title, description, custom, ...) as plain Java maps and lists
 * @param file the file the block is in
 * @param line the line of its {@code # METADATA} comment
 */
public record Annotations(String scope, Map<String, Object> fields, String file, int line)
    implements java.io.Serializable {
  public String title() { return fields.get("title") instanceof String s ? s : null; }

  public String description() { return fields.get("description") instanceof String s ? s : null; }

  @SuppressWarnings("unchecked")
  public Map<String, Object> custom() {
    return fields.get("custom") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
