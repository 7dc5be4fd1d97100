package io.exportguard.rego;

/** One Rego source file: the name used in error locations and its text. */
public record RegoModule(String file, String source) {}
