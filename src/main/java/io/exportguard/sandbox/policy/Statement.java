package io.exportguard.sandbox.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.exportguard.sandbox.http.JsonTrees;
import io.exportguard.sandbox.policy.Patterns.Template;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One statement of a RAM, trust or bucket policy, read the way the policy pack's
 * {@code lib/ram.rego} reads it: element names are case-sensitive, so a statement grants only when
 * it is spelled as documented (in a {@code "Version": "1"} document, {@code Effect: "Allow"}, no
 * Condition) and covers every possible value, while anything else that may deny counts as a Deny.
 *
 * @param documented the statement sits under {@code "Statement"} in a {@code "Version": "1"} document
 */
public record Statement(JsonNode node, int index, boolean documented) {

  /** A principal value with its kind: the Principal object's key, or "Any" for the list form. */
  public record Principal(String kind, JsonNode value) {
    public boolean isText() { return value.isTextual(); }

    public String text() { return value.asText(); }
  }

  /** The statements of a policy document; a document that does not parse has none. */
  public static List<Statement> parse(String documentText) {
    List<Statement> out = new ArrayList<>();
    if (documentText == null) return out;
    JsonNode doc;
    try {
      doc = JsonTrees.read(documentText);
    } catch (IOException e) {
      return out;
    }
    if (doc == null || !doc.isObject()) return out;
    boolean version1 = doc.path("Version").isTextual() && doc.path("Version").asText().equals("1");
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equalsIgnoreCase("Statement")) continue;
      List<JsonNode> list = new ArrayList<>();
      if (e.getValue().isArray()) e.getValue().forEach(list::add);
      else if (e.getValue().isObject()) list.add(e.getValue());
      for (int i = 0; i < list.size(); i++) {
        out.add(new Statement(list.get(i), i, version1 && e.getKey().equals("Statement")));
      }
    }
    return out;
  }

  /** Every value under the element name in any letter case. */
  List<JsonNode> values(String name) {
    List<JsonNode> out = new ArrayList<>();
    if (!node.isObject()) return out;
    node.fields().forEachRemaining(e -> {
      if (e.getKey().equalsIgnoreCase(name)) out.add(e.getValue());
    });
    return out;
  }

  boolean has(String name) { return !values(name).isEmpty(); }

  /** The element appears only under its documented spelling. */
  boolean exactOnly(String name) { return values(name).size() == 1 && node.has(name); }

  /** Certainly allows: documented, Effect exactly "Allow", no Condition. */
  public boolean grants() {
    return documented && exactOnly("Effect") && node.get("Effect").isTextual() && node.get("Effect").asText().equals("Allow")
        && !hasCondition();
  }

  /** May deny: any Effect but a spelling of "allow" (Deny, an unknown value, none at all). */
  public boolean mayDeny() {
    List<JsonNode> effects = values("Effect");
    if (effects.isEmpty()) return true;
    return !effects.stream().allMatch(v -> v.isTextual() && v.asText().toLowerCase(Locale.ROOT).equals("allow"));
  }

  /** May allow: the Effect is not exactly "Deny" (read by checks that look for grants to strangers). */
  public boolean maybeAllows() {
    List<JsonNode> effects = values("Effect");
    return effects.isEmpty() || effects.stream().anyMatch(v -> !(v.isTextual() && v.asText().equals("Deny")));
  }

  public boolean hasCondition() {
    return values("Condition").stream().anyMatch(c -> !c.isNull() && !(c.isObject() && c.isEmpty()));
  }

  /** An allowing statement certainly covers the action (exactly one of Action / NotAction, as spelled). */
  public boolean actionCovers(String action) {
    if (exactOnly("Action") && !has("NotAction")) return anyAction(strings(node.get("Action")), action);
    if (exactOnly("NotAction") && !has("Action")) return !anyAction(strings(node.get("NotAction")), action);
    return false;
  }

  /** A denying statement may cover the action; one naming no action at all counts (fail closed). */
  public boolean actionMayCover(String action) {
    if (!has("Action") && !has("NotAction")) return true;
    for (JsonNode v : values("Action")) if (anyAction(strings(v), action)) return true;
    for (JsonNode v : values("NotAction")) if (!anyAction(strings(v), action)) return true;
    return false;
  }

  /** An allowing statement's Resource covers every value of the template (NotResource never grants). */
  public boolean resourceCovers(Template template) {
    if (!exactOnly("Resource") || has("NotResource")) return false;
    return strings(node.get("Resource")).stream().anyMatch(p -> Patterns.mustMatch(p, template));
  }

  /** A denying statement's resources may cover some value of the template; none at all counts. */
  public boolean resourceMayCover(Template template) {
    if (!has("Resource") && !has("NotResource")) return true;
    for (JsonNode v : values("Resource")) {
      if (strings(v).stream().anyMatch(p -> Patterns.mayMatch(p, template))) return true;
    }
    for (JsonNode v : values("NotResource")) {
      if (strings(v).stream().noneMatch(p -> Patterns.mustMatch(p, template))) return true;
    }
    return false;
  }

  /** Every principal under any spelling of Principal; OSS documents [] as ["*"]. */
  public List<Principal> principals() {
    List<Principal> out = new ArrayList<>();
    for (JsonNode v : values("Principal")) out.addAll(principalValues(v));
    return out;
  }

  /** The principals of a documented Principal, without a NotPrincipal; null otherwise. */
  public List<Principal> documentedPrincipals() {
    if (!exactOnly("Principal") || has("NotPrincipal")) return null;
    return principalValues(node.get("Principal"));
  }

  /** No Principal at all, or a NotPrincipal: the statement may apply to anyone. */
  public boolean principalUnbounded() { return !has("Principal") || has("NotPrincipal"); }

  private static List<Principal> principalValues(JsonNode v) {
    List<Principal> out = new ArrayList<>();
    if (v.isArray() && v.isEmpty()) {
      out.add(new Principal("Any", JsonNodeFactory.instance.textNode("*")));
    } else if (v.isArray()) {
      v.forEach(x -> out.add(new Principal("Any", x)));
    } else if (v.isObject()) {
      v.fields().forEachRemaining(e -> {
        if (e.getValue().isArray()) e.getValue().forEach(x -> out.add(new Principal(e.getKey(), x)));
        else out.add(new Principal(e.getKey(), e.getValue()));
      });
    } else {
      out.add(new Principal("Any", v));
    }
    return out;
  }

  private static boolean anyAction(List<String> patterns, String action) {
    return patterns.stream().anyMatch(p -> Patterns.actionMatches(p, action));
  }

  /** The string entries of an element that may be one string or a list. */
  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) return out;
    if (n.isArray()) n.forEach(v -> { if (v.isTextual()) out.add(v.asText()); });
    else if (n.isTextual()) out.add(n.asText());
    return out;
  }
}
