package io.exportguard.policy.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.exportguard.rego.value.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests OPA writes into a bundle signature. Policy and other files are hashed byte for byte;
 * structured files ({@code .manifest}, {@code data.json}, {@code data.yaml}) are hashed over a
 * canonical form, so whitespace and key order do not change the digest: compact JSON with object
 * keys sorted, and scalars in Go's JSON encoding (numbers as written, strings with Go's escapes,
 * HTML characters left alone).
 */
final class FileHasher {
  /** OPA's hashing algorithm names and the JDK's. */
  private static final Map<String, String> ALGORITHMS = Map.of(
      "MD5", "MD5", "SHA-1", "SHA-1", "SHA-224", "SHA-224", "SHA-256", "SHA-256", "SHA-384", "SHA-384",
      "SHA-512", "SHA-512", "SHA-512-224", "SHA-512/224", "SHA-512-256", "SHA-512/256");
  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();

  private FileHasher() {}

  static boolean supported(String algorithm) { return ALGORITHMS.containsKey(algorithm); }

  /** True for the files OPA hashes in canonical form. */
  static boolean structured(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return base.equals(".manifest") || base.equals("data.json") || base.equals("data.yaml") || base.equals("data.yml");
  }

  /** The lower-case hex digest of a bundle file. */
  static String hash(String name, byte[] content, String algorithm) throws BundleException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(ALGORITHMS.getOrDefault(algorithm, "?"));
    } catch (NoSuchAlgorithmException e) {
      throw new BundleException("unsupported hashing algorithm: " + algorithm);
    }
    if (structured(name)) {
      StringBuilder sb = new StringBuilder();
      try {
        write(parse(name, content), sb);
      } catch (IOException e) {
        throw new BundleException(name + ": cannot parse for hashing: " + e.getMessage());
      }
      md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    } else {
      md.update(content);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** A number keeps the text it was written with; Go's json.Number re-encodes it unchanged. */
  private record NumberText(String text) {}

  private static Object parse(String name, byte[] content) throws IOException {
    boolean yaml = name.toLowerCase(Locale.ROOT).endsWith(".yaml") || name.toLowerCase(Locale.ROOT).endsWith(".yml");
    try (JsonParser p = (yaml ? YAML : JSON).createParser(content)) {
      JsonToken t = p.nextToken();
      if (t == null) return null;
      return read(p, t);
    }
  }

  private static Object read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        TreeMap<String, Object> m = new TreeMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String key = p.currentName();
          m.put(key, read(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) l.add(read(p, e));
        return l;
      }
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT: return new NumberText(p.getText());
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      default: return null;
    }
  }

  private static void write(Object v, StringBuilder sb) {
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(',');
        first = false;
        quote((String) e.getKey(), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        write(l.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof String s) {
      quote(s, sb);
    } else if (v instanceof NumberText n) {
      sb.append(n.text());
    } else {
      sb.append(v == null ? "null" : v.toString());
    }
  }

  /**
   * Go's encoding/json string escaping with HTML escaping off: the JSON escapes the value model
   * writes, plus U+2028 and U+2029, which Go escapes in every mode.
   */
  private static void quote(String s, StringBuilder sb) {
    StringBuilder q = new StringBuilder();
    Json.quote(s, q);
    sb.append(q.toString().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"));
  }
}
