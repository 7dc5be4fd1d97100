package io.exportguard.rego.builtins;

/**
 * A builtin the compiler knows: its name and arity, and its implementation when there is one
 * (a known builtin without one fails at eval time as "not implemented").
 *
 * @param relation the builtin yields several results (OPA's {@code walk}); impl then returns an
 *     array of all of them
 * @param nondeterministic its result may differ between queries (time, rand, http)
 * @param deprecated removed in OPA 1.x for v1 modules; using it is a compile error
 */
public record BuiltinDecl(String name, int arity, boolean relation, boolean nondeterministic,
                          boolean deprecated, Builtin impl) {

  public BuiltinDecl withImpl(Builtin b) { return new BuiltinDecl(name, arity, relation, nondeterministic, deprecated, b); }
}
