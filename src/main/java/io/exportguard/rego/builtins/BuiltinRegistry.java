package io.exportguard.rego.builtins;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every builtin the engine knows, by name. {@link #standard()} declares all of OPA 1.x's builtins
 * and registers the implementations, one family class at a time.
 */
public final class BuiltinRegistry {
  private final Map<String, BuiltinDecl> byName = new ConcurrentHashMap<>();

  /** A fresh registry with OPA's builtins. */
  public static BuiltinRegistry standard() {
    BuiltinRegistry r = new BuiltinRegistry();
    // Families register here, e.g. Strings.register(r).
    Operators.register(r);
    return r;
  }

  /** Declares a builtin by name and arity, without an implementation yet. */
  public void declare(String name, int arity) {
    byName.putIfAbsent(name, new BuiltinDecl(name, arity, false, false, false, null));
  }

  /** Declares (or completes the declaration of) a builtin with its implementation. */
  public void register(String name, int arity, Builtin impl) {
    byName.merge(name, new BuiltinDecl(name, arity, false, false, false, impl),
        (old, fresh) -> new BuiltinDecl(name, arity, old.relation(), old.nondeterministic(), old.deprecated(), impl));
  }

  /** Adds or replaces a full declaration. */
  public void put(BuiltinDecl decl) { byName.put(decl.name(), decl); }

  public Optional<BuiltinDecl> lookup(String name) { return Optional.ofNullable(byName.get(name)); }

  public Map<String, BuiltinDecl> all() { return Map.copyOf(byName); }
}
