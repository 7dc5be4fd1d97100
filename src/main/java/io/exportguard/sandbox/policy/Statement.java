package io.exportguard.sandbox.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One policy statement with its lists normalized. Action and Resource entries are patterns
 * ({@code *} any run of characters, {@code ?} one) matched against a concrete action or resource;
 * actions compare case-insensitively, resources case-sensitively (EXPORTIMAGE.md, EG-ROLE-003).
 */
public record Statement(boolean allow, List<String> actions, List<String> notActions, List<String> resources,
    List<String> notResources, boolean hasCondition, JsonNode principal) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The statements of a policy document; a document that does not parse has none. */
  public static List<Statement> parse(String documentText) {
    List<Statement> out = new ArrayList<>();
    if (documentText == null) {
      return out;
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(documentText);
    } catch (IOException e) {
      return out;
    }
    JsonNode statements = doc == null ? null : doc.get("Statement");
    if (statements == null) {
      return out;
    }
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else if (statements.isObject()) {
      list.add(statements);
    }
    for (JsonNode s : list) {
      out.add(new Statement("Allow".equals(s.path("Effect").asText()), strings(s.get("Action")), strings(s.get("NotAction")),
          strings(s.get("Resource")), strings(s.get("NotResource")), s.has("Condition"), s.get("Principal")));
    }
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  public boolean matchesAction(String action) {
    if (actions != null) {
      return actions.stream().anyMatch(p -> glob(p.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)));
    }
    if (notActions != null) {
      return notActions.stream().noneMatch(p -> glob(p.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)));
    }
    return false;
  }

  /** A statement with neither Resource nor NotResource (trust policies) applies to every resource. */
  public boolean matchesResource(String resource) {
    if (resources != null) {
      return resources.stream().anyMatch(p -> glob(p, resource));
    }
    if (notResources != null) {
      return notResources.stream().noneMatch(p -> glob(p, resource));
    }
    return true;
  }

  /** The values of one principal kind ({@code Service}, {@code RAM}); {@code "*"} principals give ["*"]. */
  public List<String> principals(String kind) {
    List<String> out = new ArrayList<>();
    if (principal == null) {
      return out;
    }
    if (principal.isTextual() || principal.isArray()) {
      List<String> flat = strings(principal);
      return flat == null ? out : flat;
    }
    List<String> values = strings(principal.get(kind));
    return values == null ? out : values;
  }

  /** Wildcard match of a whole string: {@code *} any run (also empty), {@code ?} exactly one character. */
  public static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
