package io.exportguard.rego.ast;

/**
 * Any AST node: it knows where it starts. Serializable for embedders that store ASTs; the compiled
 * forms of {@code compiler.CompiledForms} use their own compact codec instead.
 */
public interface Node extends java.io.Serializable {
  Location loc();
}
