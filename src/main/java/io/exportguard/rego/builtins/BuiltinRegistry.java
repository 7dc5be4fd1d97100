package io.exportguard.rego.builtins;

import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every builtin the engine knows, by name. {@link #standard()} declares all of OPA 1.x's builtins
 * (with their signatures, from {@link Catalog}) and registers the implementations, one family class
 * at a time.
 */
public final class BuiltinRegistry {
  private final Map<String, BuiltinDecl> byName = new ConcurrentHashMap<>();

  /** A fresh registry with OPA's builtins. */
  public static BuiltinRegistry standard() {
    BuiltinRegistry r = new BuiltinRegistry();
    Catalog.declareAll(r);
    Operators.register(r);
    Aggregates.register(r);
    Arrays.register(r);
    Sets.register(r);
    Objects.register(r);
    JsonPaths.register(r);
    Strings.register(r);
    Sprintf.register(r);
    Regex.register(r);
    GlobsMatch.register(r);
    Glob.register(r);
    Types.register(r);
    Numbers.register(r);
    Encoding.register(r);
    Yaml.register(r);
    Time.register(r);
    Net.register(r);
    Units.register(r);
    Semver.register(r);
    Uuid.register(r);
    Crypto.register(r);
    Graphs.register(r);
    Walk.register(r);
    Runtime.register(r);
    Http.register(r);
    Tokens.register(r);
    X509.register(r);
    GraphQl.register(r);
    Providers.register(r);
    Uris.register(r);
    RegoModules.register(r);
    JsonSchemas.register(r);
    TemplateStrings.register(r);
    return r;
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

  public Optional<BuiltinDecl> lookup(String name) { return Optional.ofNullable(byName.get(name)); }

  public Map<String, BuiltinDecl> all() { return Map.copyOf(byName); }

  /**
   * Calls a builtin by name (tests, tools). Unknown names, wrong argument counts and missing
   * implementations fail as {@code eval_builtin_error}.
   */
  public Value invoke(String name, BuiltinContext ctx, List<Value> args) {
    BuiltinDecl d = byName.get(name);
    if (d == null) throw BuiltinException.error(name + ": unknown builtin");
    if (d.arity() >= 0 && d.arity() != args.size()) {
      throw BuiltinException.error(name + ": expected " + d.arity() + " arguments, got " + args.size());
    }
    if (d.impl() == null) throw BuiltinException.error(name + ": not implemented");
    return d.impl().call(ctx, args);
  }
}
