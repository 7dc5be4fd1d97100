/** The Rego abstract syntax tree: immutable records, each node carrying its source location. */
package io.exportguard.rego.ast;
