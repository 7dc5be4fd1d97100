package io.exportguard.rego;

/**
 * One Rego source file: the name used in error locations, its text, and the syntax it is written
 * in (null: the compile options' default).
 */
public record RegoModule(String file, String source, RegoVersion version) {

  public RegoModule(String file, String source) { this(file, source, null); }
}
