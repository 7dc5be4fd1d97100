/**
 * OPA's builtin functions, one class per family, registered in one registry.
 *
 * <p>{@link io.exportguard.rego.builtins.BuiltinRegistry#standard()} first declares every builtin OPA
 * 1.x knows from {@code Catalog} (name, signature in OPA's type notation, deprecated /
 * nondeterministic / relation flags), then each family's {@code register} attaches implementations
 * through {@code Args.def}, when one of the family's builtins is first looked up ({@code families.txt}
 * lists which family registers which builtin; {@code BuiltinFamiliesTest} keeps it current). Every implementation starts with the shared operand checks in
 * {@code Args} ({@code str}, {@code num}, {@code integer}, {@code collection}, ...), which raise
 * OPA's {@code operand N must be T but got U} type errors; {@code Args.def} prefixes the builtin's
 * name and turns any stray Java exception into an {@code eval_builtin_error}, so nothing else escapes.
 * Compiled regexes, globs and time layouts live in the policy-set cache
 * ({@link io.exportguard.rego.builtins.BuiltinContext#policyCached}); per-query answers
 * ({@code rand.intn}, {@code uuid.rfc4122}) in the query cache. Go semantics that policies can observe
 * (fmt verbs, time layouts, durations, JSON escaping, RE2 match iteration, rune-wise strings) are
 * reproduced in the {@code Go*} helpers.
 */
package io.exportguard.rego.builtins;
