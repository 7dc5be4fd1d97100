package io.exportguard.rego.builtins;

import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every builtin the engine knows, by name. {@link #standard()} declares all of OPA 1.x's builtins
 * (with their signatures, from {@link Catalog}) and registers the implementations one family class
 * at a time, each when one of its builtins is first looked up: most policies call a few families,
 * and registering a family links a lambda per builtin (for all of them, ~6 ms of CPU at every
 * start that compiles policies). Which family implements which builtin is listed in
 * {@code families.txt} beside this class, made and checked by {@code BuiltinFamiliesTest}; a
 * builtin the list does not place makes every family register, so a stale list costs time only.
 */
public final class BuiltinRegistry {
  private final Map<String, BuiltinDecl> byName = new ConcurrentHashMap<>();
  /** For a standard registry, the family that registers each builtin; null for any other registry. */
  private final Map<String, String> familyOf;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile boolean allRegistered;

  /** An empty registry. */
  public BuiltinRegistry() { this(null); }

  private BuiltinRegistry(Map<String, String> familyOf) {
    this.familyOf = familyOf;
    this.allRegistered = familyOf == null;
  }

  /** The family classes, in the order they register when all do (a later one's registration wins). */
  static final List<String> FAMILIES = List.of("Operators", "Aggregates", "Arrays", "Sets", "Objects", "JsonPaths",
      "Strings", "Sprintf", "Regex", "GlobsMatch", "Glob", "Types", "Numbers", "Encoding", "Yaml", "Time", "Net",
      "Units", "Semver", "Uuid", "Crypto", "Graphs", "Walk", "Runtime", "Http", "Tokens", "X509", "GraphQl",
      "Providers", "Uris", "RegoModules", "JsonSchemas", "TemplateStrings");

  /** A fresh registry with OPA's builtins. */
  public static BuiltinRegistry standard() { return standard(familyIndex()); }

  /** With the list of which family registers which builtin given (tests: a stale list). */
  static BuiltinRegistry standard(Map<String, String> familyOf) {
    BuiltinRegistry r = new BuiltinRegistry(familyOf);
    Catalog.declareAll(r);
    return r;
  }

  static void register(String family, BuiltinRegistry r) {
    // A switch, not a table of method references: those would be linked on every start.
    switch (family) {
      case "Operators" -> Operators.register(r);
      case "Aggregates" -> Aggregates.register(r);
      case "Arrays" -> Arrays.register(r);
      case "Sets" -> Sets.register(r);
      case "Objects" -> Objects.register(r);
      case "JsonPaths" -> JsonPaths.register(r);
      case "Strings" -> Strings.register(r);
      case "Sprintf" -> Sprintf.register(r);
      case "Regex" -> Regex.register(r);
      case "GlobsMatch" -> GlobsMatch.register(r);
      case "Glob" -> Glob.register(r);
      case "Types" -> Types.register(r);
      case "Numbers" -> Numbers.register(r);
      case "Encoding" -> Encoding.register(r);
      case "Yaml" -> Yaml.register(r);
      case "Time" -> Time.register(r);
      case "Net" -> Net.register(r);
      case "Units" -> Units.register(r);
      case "Semver" -> Semver.register(r);
      case "Uuid" -> Uuid.register(r);
      case "Crypto" -> Crypto.register(r);
      case "Graphs" -> Graphs.register(r);
      case "Walk" -> Walk.register(r);
      case "Runtime" -> Runtime.register(r);
      case "Http" -> Http.register(r);
      case "Tokens" -> Tokens.register(r);
      case "X509" -> X509.register(r);
      case "GraphQl" -> GraphQl.register(r);
      case "Providers" -> Providers.register(r);
      case "Uris" -> Uris.register(r);
      case "RegoModules" -> RegoModules.register(r);
      case "JsonSchemas" -> JsonSchemas.register(r);
      case "TemplateStrings" -> TemplateStrings.register(r);
      default -> throw new IllegalArgumentException("no builtin family " + family);
    }
  }

  /** families.txt: one line per family, its name then the builtins it registers; empty when missing. */
  private static Map<String, String> familyIndex() {
    Map<String, String> out = new java.util.HashMap<>();
    try (java.io.InputStream in = BuiltinRegistry.class.getResourceAsStream(FAMILIES_FILE)) {
      if (in == null) return out;
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        String[] words = line.strip().split(" ");
        if (words.length < 2 || !FAMILIES.contains(words[0])) continue;
        for (int i = 1; i < words.length; i++) out.put(words[i], words[0]);
      }
    } catch (java.io.IOException e) {
      out.clear(); // every family registers at the first lookup of a builtin
    }
    return out;
  }

  static final String FAMILIES_FILE = "families.txt";

  /**
   * Registers the family of a builtin not yet implemented here, or every family when the list
   * does not place it; returns its declaration then. Families register under the registry's lock.
   */
  private BuiltinDecl complete(String name, BuiltinDecl d) {
    String family = familyOf.get(name);
    if (family == null && d == null) return null; // not a builtin (the compiler asks of every dotted ref)
    synchronized (this) {
      if (family != null && registered.add(family)) register(family, this);
      BuiltinDecl now = byName.get(name);
      if ((now == null || now.impl() == null) && !allRegistered) {
        registerAll();
        now = byName.get(name);
      }
      return now;
    }
  }

  /** The families registered so far (all of them for a registry that is not lazy). */
  synchronized Set<String> registeredFamilies() {
    return allRegistered ? Set.copyOf(FAMILIES) : Set.copyOf(registered);
  }

  private synchronized void registerAll() {
    if (allRegistered) return;
    for (String family : FAMILIES) if (registered.add(family)) register(family, this);
    allRegistered = true;
  }

  /** Declares a builtin by name and arity, without an implementation yet. */
  public void declare(String name, int arity) {
    byName.putIfAbsent(name, new BuiltinDecl(name, arity, false, false, false, null));
  }

  /**
   * Declares (or completes the declaration of) a builtin with its implementation; an existing
   * declaration keeps its flags and signature.
   */
  public void register(String name, int arity, Builtin impl) {
    byName.merge(name, new BuiltinDecl(name, arity, false, false, false, impl),
        (old, fresh) -> new BuiltinDecl(name, arity, old.relation(), old.nondeterministic(), old.deprecated(),
            impl, old.type()));
  }

  /** Adds or replaces a full declaration. */
  public void put(BuiltinDecl decl) { byName.put(decl.name(), decl); }

  public Optional<BuiltinDecl> lookup(String name) {
    BuiltinDecl d = byName.get(name);
    if ((d == null || d.impl() == null) && !allRegistered) d = complete(name, d);
    return Optional.ofNullable(d);
  }

  /** The declaration as it stands, without registering anything (for families while they register). */
  Optional<BuiltinDecl> declared(String name) { return Optional.ofNullable(byName.get(name)); }

  public Map<String, BuiltinDecl> all() {
    if (!allRegistered) registerAll();
    return Map.copyOf(byName);
  }

  /**
   * Calls a builtin by name (tests, tools). Unknown names, wrong argument counts and missing
   * implementations fail as {@code eval_builtin_error}.
   */
  public Value invoke(String name, BuiltinContext ctx, List<Value> args) {
    BuiltinDecl d = lookup(name).orElse(null);
    if (d == null) throw BuiltinException.error(name + ": unknown builtin");
    if (d.arity() >= 0 && d.arity() != args.size()) {
      throw BuiltinException.error(name + ": expected " + d.arity() + " arguments, got " + args.size());
    }
    if (d.impl() == null) throw BuiltinException.error(name + ": not implemented");
    return d.impl().call(ctx, args);
  }
}
