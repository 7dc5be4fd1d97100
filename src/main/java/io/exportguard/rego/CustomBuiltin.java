package io.exportguard.rego;

import io.exportguard.rego.builtins.CustomBuiltins;
import io.exportguard.rego.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * A function the embedder provides, which policies call like any builtin ({@code acme.owner(x)}).
 * It goes into the same registry as OPA's builtins, so the compiler checks its calls (unknown name,
 * arity, argument types written as literals) and {@code with acme.owner as ...} can replace it.
 *
 * @param name dotted name, e.g. {@code acme.owner}; not under {@code data} or {@code input}. A
 *     name OPA already uses replaces that builtin (e.g. one a capabilities file declares but this
 *     engine does not implement), except {@code eq}, {@code assign}, {@code print} and
 *     {@code rego.metadata.*}, which the evaluator handles itself
 * @param declaration the signature in OPA's type notation, as {@code rego_type_error} messages
 *     print it: {@code (string, number) => boolean}, {@code (any<string, array[string]>) => object[string: any]},
 *     {@code (string...) => string} (variadic); a result type is required
 * @param implementation what the call does
 */
public record CustomBuiltin(String name, String declaration, Implementation implementation) {

  /** The body of a custom builtin. */
  @FunctionalInterface
  public interface Implementation {
    /**
     * Computes the result. Each argument has already been checked against its declared type (the
     * top-level kind: string, number, array, ...), so casts to that kind are safe.
     *
     * @return the result, or null for undefined (the calling expression fails, as in OPA)
     * @throws RegoException to end the query with that error (code and message) whatever
     *     {@link EvalOptions#strictBuiltinErrors()} says; any RuntimeException is instead an
     *     {@code eval_builtin_error}, which makes the call undefined unless strict errors are on
     */
    Value call(BuiltinContext ctx, List<Value> args) throws RegoException;
  }

  /** Checks the name and parses the declaration; {@link IllegalArgumentException} says what is wrong. */
  public CustomBuiltin {
    Objects.requireNonNull(implementation, "implementation");
    CustomBuiltins.signature(name, declaration);
  }

  /** Same as the constructor, reads better in a builder chain. */
  public static CustomBuiltin of(String name, String declaration, Implementation implementation) {
    return new CustomBuiltin(name, declaration, implementation);
  }
}
