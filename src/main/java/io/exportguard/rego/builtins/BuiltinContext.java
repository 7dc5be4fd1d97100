package io.exportguard.rego.builtins;

/**
 * The engine's name, inside this package, for the public {@link io.exportguard.rego.BuiltinContext}
 * (so every family class uses it without an import). It adds nothing.
 */
public interface BuiltinContext extends io.exportguard.rego.BuiltinContext {}
