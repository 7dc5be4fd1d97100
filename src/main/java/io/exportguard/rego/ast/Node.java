package io.exportguard.rego.ast;

/**
 * Any AST node: it knows where it starts. Serializable, so a compiled policy can be stored (see
 * {@code compiler.CompiledForms}).
 */
public interface Node extends java.io.Serializable {
  Location loc();
}
