/**
 * Command line: one picocli class per command; commands parse flags and delegate. Their picocli
 * model is built from {@code CommandModels}, generated from these annotated classes.
 */
package io.exportguard.cli;
