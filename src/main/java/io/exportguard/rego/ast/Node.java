package io.exportguard.rego.ast;

/** Any AST node: it knows where it starts. */
public interface Node {
  Location loc();
}
