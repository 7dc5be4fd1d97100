package io.exportguard.rego;

/**
 * The Rego syntax a module is written in, as OPA names them. {@link #V1} is OPA 1.x's default;
 * {@link #V0} is OPA 0.x's ({@code p { ... }}, {@code deny[msg] { ... }}, keywords only when
 * imported), which OPA 1.x runs with {@code --v0-compatible}. A v0 module that imports
 * {@code rego.v1} is {@link #V0_COMPAT_V1}: v1 keywords and v1 syntax rules apply to it.
 */
public enum RegoVersion {
  V0, V0_COMPAT_V1, V1;

  /** True when v1's rules apply: {@code if}/{@code contains} required, v1 compile checks, no deprecated builtins. */
  public boolean v1Rules() { return this != V0; }
}
