package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.facts.JsonTreeWriter;
import io.exportguard.facts.PolicyDocuments;

/** Policy documents as scanned files hold them: JSON text, or a structure a template writes inline. */
final class Policies {
  private Policies() {}

  /** A document given as text: parsed and normalized; known null when the text is not a JSON object. */
  static Fact<JsonNode> fromText(Fact<String> text) {
    if (!text.isKnown()) return Fact.unknown(text.reason());
    return Fact.known(PolicyDocuments.parse(text.value()));
  }

  /** A document written as a structure (a ROS template's map): normalized; known null when not an object. */
  static Fact<JsonNode> fromTree(JsonNode doc) {
    return Fact.known(doc instanceof ObjectNode o ? PolicyDocuments.normalize(o) : null);
  }

  /** The JSON text of a structure, for {@code documentText}: as the facts mapper writes it, without making one. */
  static String text(JsonNode doc) {
    return doc == null ? null : JsonTreeWriter.text(doc);
  }

  /** The account id in a role's ARN {@code acs:ram::<accountId>:role/<name>}, or null. */
  static String accountOf(String arn) {
    if (arn == null) return null;
    String[] parts = arn.split(":", 5);
    return parts.length == 5 && parts[0].equals("acs") && parts[3].matches("[0-9]+") ? parts[3] : null;
  }

  /** A role's ARN as RAM writes it: the account id and the role name in lower case. */
  static String roleArn(String accountId, String roleName) {
    return "acs:ram::" + accountId + ":role/" + roleName.toLowerCase(java.util.Locale.ROOT);
  }
}
