/** Lexer and parser for Rego v1 source, queries and terms, with OPA-style errors and METADATA blocks. */
package io.exportguard.rego.parser;
