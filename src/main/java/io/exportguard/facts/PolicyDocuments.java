package io.exportguard.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Normalizes RAM and bucket policy documents so policies need not handle every spelling:
 * {@code Statement} is always a list; {@code Action}, {@code NotAction}, {@code Resource},
 * {@code NotResource} are lists when present; a {@code Principal} string or list becomes a list,
 * and each value of a {@code Principal} object ({@code Service}, {@code RAM}, {@code Federated},
 * {@code "*"}) becomes a list. Everything else is kept as written.
 */
public final class PolicyDocuments {
  private static final List<String> LIST_FIELDS = List.of("Action", "NotAction", "Resource", "NotResource");

  private PolicyDocuments() {}

  /** Parses and normalizes; null when the text is null, blank or not a JSON object. */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      JsonNode node = JsonTreeReader.read(text);
      return node instanceof ObjectNode o ? normalize(o) : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Returns a normalized copy of a policy document. */
  public static ObjectNode normalize(ObjectNode doc) {
    ObjectNode out = doc.deepCopy();
    JsonNode statement = out.get("Statement");
    if (statement != null && !statement.isArray()) out.set("Statement", list(statement));
    JsonNode statements = out.get("Statement");
    if (statements != null) {
      for (JsonNode s : statements) {
        if (!(s instanceof ObjectNode so)) continue;
        for (String field : LIST_FIELDS) {
          JsonNode v = so.get(field);
          if (v != null && !v.isArray()) so.set(field, list(v));
        }
        JsonNode principal = so.get("Principal");
        if (principal instanceof ObjectNode po) {
          for (Iterator<Map.Entry<String, JsonNode>> it = po.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) e.setValue(list(e.getValue()));
          }
        } else if (principal != null && !principal.isArray()) {
          so.set("Principal", list(principal));
        }
      }
    }
    return out;
  }

  private static ArrayNode list(JsonNode single) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    a.add(single);
    return a;
  }
}
