package io.exportguard.rego;

/**
 * How modules are compiled.
 *
 * @param regoVersion the syntax of modules that do not say otherwise ({@link RegoModule#version()});
 *     {@link RegoVersion#V0} is OPA's {@code --v0-compatible}
 * @param capabilities what the target OPA provides (builtins, features, future keywords), or null
 *     for everything this engine knows
 * @param strict OPA's strict mode: v1's checks for v0 modules too, and unused imports and unused
 *     assigned variables are errors
 */
public record CompileOptions(RegoVersion regoVersion, Capabilities capabilities, boolean strict) {
  public static final CompileOptions DEFAULT = new CompileOptions(RegoVersion.V1, null, false);

  public CompileOptions {
    if (regoVersion == null) regoVersion = RegoVersion.V1;
  }

  public CompileOptions withRegoVersion(RegoVersion v) { return new CompileOptions(v, capabilities, strict); }

  public CompileOptions withCapabilities(Capabilities c) { return new CompileOptions(regoVersion, c, strict); }

  public CompileOptions withStrict(boolean s) { return new CompileOptions(regoVersion, capabilities, s); }
}
