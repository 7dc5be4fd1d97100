/**
 * An embedded Rego (OPA v1) engine; a library that imports nothing else from this project. Start at
 * {@link io.exportguard.rego.Rego#builder()}; the package's README.md shows a whole embedding.
 * Exported packages: this one, {@code value}, {@code testing}, {@code conformance} and {@code tool}; the others
 * ({@code ast}, {@code parser}, {@code compiler}, {@code eval}, {@code builtins}) are internal, as
 * {@code RegoArchitectureTest} checks.
 */
package io.exportguard.rego;
