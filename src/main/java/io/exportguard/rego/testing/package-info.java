/**
 * Runs Rego unit tests the way {@code opa test} does: the {@code test_*} rules of
 * {@code *_test.rego} (and {@code test_*.rego}) files, each passing when it is {@code true}, with
 * failures explained from the engine's own AST.
 */
package io.exportguard.rego.testing;
