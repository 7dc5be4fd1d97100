package io.exportguard.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an OPA version (or an embedder) provides, in OPA's capabilities JSON
 * ({@code opa capabilities --current}): the builtins policies may call, the language features and
 * the future keywords they may import. Builtins the engine does not implement still compile (an
 * embedder provides them); calling one without an implementation fails at evaluation.
 *
 * @param builtins declared builtins, by name and arity
 * @param features OPA feature names ({@code rego_v1}, {@code rego_v1_import}, {@code keywords_in_refs},
 *     {@code template_strings}, {@code rule_head_refs}, ...)
 * @param futureKeywords the keywords {@code import future.keywords.x} may name
 */
public record Capabilities(List<Builtin> builtins, Set<String> features, Set<String> futureKeywords) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Capabilities {
    builtins = List.copyOf(builtins);
    features = Set.copyOf(features);
    futureKeywords = Set.copyOf(futureKeywords);
  }

  /**
   * One declared builtin.
   *
   * @param arity the number of arguments; -1 when variadic ({@code print})
   */
  public record Builtin(String name, int arity, boolean relation, boolean nondeterministic, boolean deprecated) {}

  public boolean has(String feature) { return features.contains(feature); }

  /**
   * Reads OPA's capabilities JSON. A malformed document is an error naming what is wrong
   * (file is the name used in the message).
   */
  public static Capabilities parse(String file, String json) throws RegoException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw invalid(file, "not JSON: " + e.getOriginalMessage(), (int) line, (int) col);
    }
    if (root == null || !root.isObject()) throw invalid(file, "expected a JSON object", 0, 0);
    List<Builtin> builtins = new ArrayList<>();
    JsonNode bs = root.path("builtins");
    if (!bs.isMissingNode() && !bs.isArray()) throw invalid(file, "\"builtins\" must be an array", 0, 0);
    for (JsonNode b : bs) {
      String name = b.path("name").asText(null);
      if (name == null || name.isEmpty()) throw invalid(file, "a builtin without a \"name\"", 0, 0);
      JsonNode decl = b.path("decl");
      int arity = decl.has("variadic") ? -1 : decl.path("args").size();
      builtins.add(new Builtin(name, arity, b.path("relation").asBoolean(false),
          b.path("nondeterministic").asBoolean(false), b.path("deprecated").asBoolean(false)));
    }
    return new Capabilities(builtins, strings(root, "features", file), strings(root, "future_keywords", file));
  }

  private static Set<String> strings(JsonNode root, String field, String file) throws RegoException {
    JsonNode n = root.path(field);
    Set<String> out = new LinkedHashSet<>();
    if (n.isMissingNode() || n.isNull()) return out;
    if (!n.isArray()) throw invalid(file, "\"" + field + "\" must be an array of strings", 0, 0);
    for (JsonNode s : n) out.add(s.asText());
    return out;
  }

  private static RegoException invalid(String file, String message, int line, int column) {
    return new RegoException(new RegoError("capabilities_error", "invalid capabilities: " + message, file, line,
        column, null));
  }

  /**
   * The builtins these capabilities declare, taken from {@code standard} where the engine knows
   * them (signature and implementation) and declared without an implementation otherwise.
   */
  public BuiltinRegistry registry(BuiltinRegistry standard) {
    BuiltinRegistry r = new BuiltinRegistry();
    for (Builtin b : builtins) {
      BuiltinDecl known = standard.lookup(b.name()).orElse(null);
      r.put(known != null ? known
          : new BuiltinDecl(b.name(), b.arity(), b.relation(), b.nondeterministic(), b.deprecated(), null));
    }
    return r;
  }
}
