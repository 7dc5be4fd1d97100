package io.exportguard.policy.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A bundle's {@code .manifest}: its revision, the roots it owns (all of {@code data} when absent),
 * free-form metadata and the Rego version of its modules (1 unless it says 0).
 */
public record BundleManifest(String revision, List<String> roots, JsonNode metadata, int regoVersion) {
  /** What a bundle without a {@code .manifest} has: no revision, the whole of {@code data}. */
  public static final BundleManifest DEFAULT = new BundleManifest("", List.of(""), null, 1);
  private static final ObjectMapper JSON = new ObjectMapper();

  public BundleManifest {
    revision = revision == null ? "" : revision;
    roots = List.copyOf(roots);
  }

  /** Parses a {@code .manifest}; unknown keys are kept out of the model, as OPA ignores them. */
  static BundleManifest parse(String bundle, byte[] text) throws BundleException {
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BundleException(bundle + ": .manifest: invalid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BundleException(bundle + ": .manifest: " + e.getMessage());
    }
    if (n == null || !n.isObject()) throw new BundleException(bundle + ": .manifest: must be a JSON object");
    JsonNode rev = n.get("revision");
    if (rev != null && !rev.isNull() && !rev.isTextual()) {
      throw new BundleException(bundle + ": .manifest: revision must be a string");
    }
    List<String> roots = new ArrayList<>();
    JsonNode r = n.get("roots");
    if (r == null || r.isNull()) {
      roots.add("");
    } else if (!r.isArray()) {
      throw new BundleException(bundle + ": .manifest: roots must be a list of strings");
    } else {
      for (JsonNode root : r) {
        if (!root.isTextual()) throw new BundleException(bundle + ": .manifest: roots must be a list of strings");
        String clean = root.asText().replaceAll("^/+|/+$", "");
        for (String other : roots) {
          if (Roots.overlap(Roots.segments(other), Roots.segments(clean))) {
            throw new BundleException(bundle + ": .manifest: manifest has overlapped roots: '" + other + "' and '"
                + clean + "'");
          }
        }
        roots.add(clean);
      }
    }
    JsonNode v = n.get("rego_version");
    int regoVersion = v == null || v.isNull() ? 1 : v.asInt(1);
    if (regoVersion != 0 && regoVersion != 1) {
      throw new BundleException(bundle + ": .manifest: rego_version must be 0 or 1");
    }
    return new BundleManifest(rev == null || rev.isNull() ? "" : rev.asText(), roots, n.get("metadata"), regoVersion);
  }

  /** The {@code .manifest} text {@code policy build} writes. */
  String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("revision", revision);
    roots.forEach(o.putArray("roots")::add);
    o.put("rego_version", regoVersion);
    if (metadata != null) o.set("metadata", metadata);
    return o.toString();
  }
}
