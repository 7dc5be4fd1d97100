package io.exportguard.rego;

import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.builtins.BuiltinType;
import io.exportguard.rego.builtins.TypeJson;
import io.exportguard.rego.eval.Engine;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What policies may use, in OPA's capabilities format ({@code opa capabilities}, {@code
 * opa check --capabilities FILE}): the builtins with their declarations, the language features and
 * future keywords, and the hosts {@code http.send} may reach.
 *
 * <p>Compiling with capabilities ({@link Rego.Builder#capabilities}) restricts the builtins to the
 * declared ones: a call of any other is {@code rego_type_error: undefined function}. A declared
 * builtin this engine does not implement still compiles (with the file's declaration) and fails at
 * evaluation as {@code eval_builtin_error: NAME: not implemented}, unless the embedder provides it
 * as a {@link CustomBuiltin}. Custom builtins are always available, as in OPA.
 *
 * <p>The parser follows {@code features} and {@code future_keywords} as OPA's does: without
 * {@code rego_v1} v1 modules are refused; {@code template_strings} allows {@code $"..."},
 * {@code keywords_in_refs} allows keywords after a dot ({@code input.if}), {@code rego_v1_import}
 * allows {@code import rego.v1} in v0 modules, and {@code import future.keywords.x} needs x among
 * the future keywords.
 *
 * <p>Read but not enforced: a non-empty {@code allow_net} (host lists are not checked; network
 * access follows {@link EvalOptions#allowNet()}). An empty {@code allow_net} list turns network
 * access off for every query. {@code wasm_abi_versions} is ignored.
 */
public final class Capabilities {
  /** Error code of a capabilities document that cannot be read. */
  public static final String ERROR_CODE = "capabilities_error";
  /** The language features this engine implements, by OPA's names. */
  private static final List<String> FEATURES = List.of("keywords_in_refs", "rego_v1", "rego_v1_import",
      "rule_head_ref_string_prefixes", "rule_head_refs", "template_strings");
  private static final List<String> FUTURE_KEYWORDS = List.of("and", "contains", "every", "if", "in", "not", "or");

  /**
   * One declared builtin.
   *
   * @param arity the number of arguments; -1 when variadic ({@code print})
   * @param declaration the signature in OPA's type notation, e.g. {@code (string, string) => boolean}
   */
  public record Builtin(String name, int arity, String declaration, boolean relation, boolean nondeterministic,
                        boolean deprecated) {}

  private final Map<String, BuiltinDecl> builtins;
  private final Set<String> features;
  private final Set<String> futureKeywords;
  private final List<String> allowNet;

  private Capabilities(Map<String, BuiltinDecl> builtins, List<String> features, List<String> futureKeywords,
                       List<String> allowNet) {
    this.builtins = Collections.unmodifiableMap(builtins);
    this.features = Collections.unmodifiableSet(new LinkedHashSet<>(features));
    this.futureKeywords = Collections.unmodifiableSet(new LinkedHashSet<>(futureKeywords));
    this.allowNet = allowNet == null ? null : List.copyOf(allowNet);
  }

  /** This engine's own capabilities: every builtin it declares (OPA 1.x's), its features and keywords. */
  public static Capabilities current() {
    Map<String, BuiltinDecl> all = new TreeMap<>();
    for (BuiltinDecl d : Engine.standardBuiltins().all().values()) {
      if (d.type() != null) all.put(d.name(), d.withImpl(null));
    }
    return new Capabilities(all, FEATURES, FUTURE_KEYWORDS, null);
  }

  /** Reads a capabilities file (UTF-8 JSON); errors name the file, and for bad JSON its line and column. */
  public static Capabilities load(Path file) throws IOException, RegoException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a capabilities document.
   *
   * @param source the name errors should give (a file name), or null
   */
  public static Capabilities parse(String source, String json) throws RegoException {
    Value doc;
    try {
      doc = Json.parse(json);
    } catch (Json.JsonSyntaxException e) {
      throw error(source, e.line(), e.column(), "not JSON: " + e.getMessage());
    }
    if (!(doc instanceof ObjectValue o)) throw error(source, 0, 0, "must be a JSON object, got " + doc.typeName());
    Map<String, BuiltinDecl> builtins = new LinkedHashMap<>();
    Value list = o.get("builtins");
    if (list != null && !(list instanceof ArrayValue)) throw error(source, 0, 0, "builtins must be an array");
    if (list != null) {
      int i = 0;
      for (Value entry : ((ArrayValue) list).items()) {
        BuiltinDecl d = builtin(entry, source, i++);
        builtins.put(d.name(), d);
      }
    }
    return new Capabilities(builtins, strings(o, "features", source), strings(o, "future_keywords", source),
        o.get("allow_net") == null ? null : strings(o, "allow_net", source));
  }

  private static BuiltinDecl builtin(Value entry, String source, int index) throws RegoException {
    String where = "builtins[" + index + "]";
    if (!(entry instanceof ObjectValue b) || !(b.get("name") instanceof StringValue name) || name.value().isEmpty()) {
      throw error(source, 0, 0, where + " needs a \"name\"");
    }
    where += " (" + name.value() + ")";
    if (b.get("decl") == null) throw error(source, 0, 0, where + " needs a \"decl\"");
    BuiltinType.Function type;
    try {
      type = TypeJson.function(b.get("decl"));
    } catch (IllegalArgumentException e) {
      throw error(source, 0, 0, where + ": " + e.getMessage());
    }
    return new BuiltinDecl(name.value(), type.variadic() ? -1 : type.args().size(), flag(b, "relation"),
        flag(b, "nondeterministic"), flag(b, "deprecated"), null, type);
  }

  private static boolean flag(ObjectValue o, String key) { return BooleanValue.TRUE.equals(o.get(key)); }

  private static List<String> strings(ObjectValue o, String key, String source) throws RegoException {
    Value v = o.get(key);
    if (v == null) return List.of();
    List<String> out = new ArrayList<>();
    if (v instanceof ArrayValue a) {
      for (Value s : a.items()) {
        if (!(s instanceof StringValue str)) throw error(source, 0, 0, key + " must be an array of strings");
        out.add(str.value());
      }
      return out;
    }
    throw error(source, 0, 0, key + " must be an array of strings");
  }

  private static RegoException error(String source, int line, int column, String message) {
    return new RegoException(new RegoError(ERROR_CODE, "capabilities: " + message, source, line, column, null));
  }

  /** The declared builtins, in the document's order. */
  public List<Builtin> builtins() {
    List<Builtin> out = new ArrayList<>();
    for (BuiltinDecl d : builtins.values()) {
      out.add(new Builtin(d.name(), d.arity(), d.type().toString(), d.relation(), d.nondeterministic(),
          d.deprecated()));
    }
    return out;
  }

  public boolean declares(String builtin) { return builtins.containsKey(builtin); }

  /** OPA's feature names, e.g. {@code rego_v1}, {@code rule_head_refs}, {@code template_strings}. */
  public Set<String> features() { return features; }

  /** Whether a feature is declared. */
  public boolean has(String feature) { return features.contains(feature); }

  /** The keywords {@code import future.keywords.x} may name. */
  public Set<String> futureKeywords() { return futureKeywords; }

  /** The hosts {@code http.send} may reach; empty when the document does not restrict them. */
  public Optional<List<String>> allowNet() { return Optional.ofNullable(allowNet); }

  /** The document in OPA's JSON format (builtins sorted by name, as {@code opa capabilities} writes them). */
  public String toJson() {
    List<Value> list = new ArrayList<>();
    for (BuiltinDecl d : new TreeMap<>(builtins).values()) {
      ObjectValue.Builder b = ObjectValue.builder().put("name", StringValue.of(d.name()))
          .put("decl", TypeJson.toJson(d.type()));
      if (d.relation()) b.put("relation", BooleanValue.TRUE);
      if (d.nondeterministic()) b.put("nondeterministic", BooleanValue.TRUE);
      if (d.deprecated()) b.put("deprecated", BooleanValue.TRUE);
      list.add(b.build());
    }
    ObjectValue.Builder doc = ObjectValue.builder().put("builtins", ArrayValue.of(list))
        .put("features", strings(features)).put("future_keywords", strings(futureKeywords));
    if (allowNet != null) doc.put("allow_net", strings(allowNet));
    return Json.write(doc.build());
  }

  private static ArrayValue strings(java.util.Collection<String> s) {
    List<Value> out = new ArrayList<>();
    for (String x : s) out.add(StringValue.of(x));
    return ArrayValue.of(out);
  }

  /** Whether evaluation may reach the network at all ({@code allow_net: []} says no). */
  boolean forbidsNet() { return allowNet != null && allowNet.isEmpty(); }

  /**
   * The registry a policy set compiles against: only the declared builtins, each with the
   * document's declaration and this engine's implementation when it has one.
   */
  BuiltinRegistry restrict(BuiltinRegistry engine) {
    BuiltinRegistry r = new BuiltinRegistry();
    for (BuiltinDecl declared : builtins.values()) {
      BuiltinDecl ours = engine.lookup(declared.name()).orElse(null);
      r.put(ours == null ? declared : declared.withImpl(ours.impl()));
    }
    return r;
  }
}
