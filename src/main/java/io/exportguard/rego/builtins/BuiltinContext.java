package io.exportguard.rego.builtins;

/**
 * What a builtin may see of the query that calls it: the public
 * {@link io.exportguard.rego.BuiltinContext}, under the name the family classes of this package use
 * without an import. One context per query evaluation.
 */
public interface BuiltinContext extends io.exportguard.rego.BuiltinContext {}
