package io.exportguard.rego.builtins;

/**
 * A builtin the compiler knows: its name and arity, and its implementation when there is one
 * (a known builtin without one fails at eval time as "not implemented").
 *
 * @param relation the builtin yields several results (OPA's {@code walk}); impl then returns an
 *     array of all of them
 * @param nondeterministic its result may differ between queries (time, rand, http)
 * @param deprecated removed in OPA 1.x for v1 modules; using it is a compile error
 * @param type the declared signature OPA's type checker uses (null when unknown); arity is
 *     {@code type.args().size()} except for variadic {@code print}, whose arity is -1
 */
public record BuiltinDecl(String name, int arity, boolean relation, boolean nondeterministic,
                          boolean deprecated, Builtin impl, BuiltinType.Function type) {

  /** A declaration without a declared signature (the original SPI constructor). */
  public BuiltinDecl(String name, int arity, boolean relation, boolean nondeterministic,
                     boolean deprecated, Builtin impl) {
    this(name, arity, relation, nondeterministic, deprecated, impl, null);
  }

  public BuiltinDecl withImpl(Builtin b) {
    return new BuiltinDecl(name, arity, relation, nondeterministic, deprecated, b, type);
  }

  /** True when the builtin takes any number of arguments ({@code print}). */
  public boolean variadic() { return type != null && type.variadic(); }

  /**
   * The 0-based index of the first argument whose statically known type the declaration rejects, or -1.
   * Unknown argument types should be passed as {@link BuiltinType#ANY}, which is always accepted.
   */
  public int firstMismatch(java.util.List<BuiltinType> have) {
    if (type == null) return -1;
    for (int i = 0; i < have.size(); i++) {
      BuiltinType want = type.variadic() && i >= type.args().size() - 1
          ? type.args().get(type.args().size() - 1)
          : i < type.args().size() ? type.args().get(i) : null;
      if (want != null && !want.accepts(have.get(i))) return i;
    }
    return -1;
  }

  /**
   * OPA's compile-time message for arguments of the wrong type, e.g.
   * {@code count: invalid argument(s)\n\thave: (number)\n\twant: (any<string, array[any], ...>)}.
   */
  public String invalidArgumentsMessage(java.util.List<BuiltinType> have) {
    StringBuilder sb = new StringBuilder(name).append(": invalid argument(s)\n\thave: (");
    for (int i = 0; i < have.size(); i++) sb.append(i > 0 ? ", " : "").append(have.get(i));
    sb.append(")\n\twant: ").append(type == null ? "(?)" : type.argsString());
    return sb.toString();
  }
}
