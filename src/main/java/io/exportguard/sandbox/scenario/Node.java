package io.exportguard.sandbox.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML mapping being read at a known key path. Every accessor checks the value's type and
 * throws a {@link ScenarioException} naming the full path ({@code images[0].disks[1].sizeGiB}),
 * so a scenario author sees exactly which key is wrong.
 */
final class Node {
  private final String source;
  private final String path;
  private final JsonNode node;

  private Node(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  static Node root(String source, JsonNode node) {
    Node root = new Node(source, "", node);
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new ScenarioException("scenario " + source + ": the file is empty");
    }
    if (!node.isObject()) {
      throw new ScenarioException("scenario " + source + ": the top level must be a mapping of keys");
    }
    return root;
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ScenarioException error(String key, String message) {
    String where = key == null ? path : pathOf(key);
    return new ScenarioException("scenario " + source + ": " + (where.isEmpty() ? "" : where + ": ") + message);
  }

  /** Fails on the first key that is not in {@code allowed}. */
  Node onlyKeys(String... allowed) {
    Set<String> set = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!set.contains(key)) {
        throw error(key, "unknown key (allowed: " + String.join(", ", new TreeSet<>(set)) + ")");
      }
    }
    return this;
  }

  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  JsonNode raw(String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  String string(String key) {
    String v = string(key, null);
    if (v == null) {
      throw error(key, "is required");
    }
    return v;
  }

  String string(String key, String fallback) {
    JsonNode v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw error(key, "must be a string, not " + describe(v));
    }
    return v.asText();
  }

  /** A string that YAML authors often write unquoted as a number (account ids). */
  String stringOrInteger(String key) {
    JsonNode v = raw(key);
    if (v == null) {
      throw error(key, "is required");
    }
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    return string(key);
  }

  String oneOf(String key, String fallback, String... allowed) {
    String v = fallback == null ? string(key) : string(key, fallback);
    if (v == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw error(key, "must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
  }

  boolean bool(String key, boolean fallback) {
    JsonNode v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw error(key, "must be true or false, not " + describe(v));
    }
    return v.asBoolean();
  }

  long integer(String key, long fallback, long min, long max) {
    JsonNode v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw error(key, "must be a whole number, not " + describe(v));
    }
    long n = v.asLong();
    if (n < min || n > max) {
      throw error(key, "must be between " + min + " and " + max + ", not " + n);
    }
    return n;
  }

  long requiredInteger(String key, long min, long max) {
    if (!has(key)) {
      throw error(key, "is required");
    }
    return integer(key, 0, min, max);
  }

  Double number(String key, Double fallback, double min, double max) {
    JsonNode v = raw(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw error(key, "must be a number, not " + describe(v));
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      throw error(key, "must be between " + min + " and " + max + ", not " + v.asText());
    }
    return d;
  }

  /** A list of mappings; absent gives an empty list. */
  List<Node> objects(String key) {
    JsonNode v = raw(key);
    List<Node> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(key, "must be a list, not " + describe(v));
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      if (!item.isObject()) {
        throw new ScenarioException("scenario " + source + ": " + itemPath + ": must be a mapping, not " + describe(item));
      }
      out.add(new Node(source, itemPath, item));
    }
    return out;
  }

  /** A nested mapping, or null when absent. */
  Node object(String key) {
    JsonNode v = raw(key);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw error(key, "must be a mapping, not " + describe(v));
    }
    return new Node(source, pathOf(key), v);
  }

  List<String> strings(String key) {
    JsonNode v = raw(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(key, "must be a list, not " + describe(v));
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw error(key + "[" + i + "]", "must be a string, not " + describe(v.get(i)));
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  private static String describe(JsonNode v) {
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isTextual()) {
      return "the string '" + v.asText() + "'";
    }
    return v.getNodeType().name().toLowerCase() + " " + v.asText();
  }
}
