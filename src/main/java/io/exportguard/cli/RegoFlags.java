package io.exportguard.cli;

import io.exportguard.rego.Capabilities;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoVersion;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags that select the Rego syntax and the capabilities, shared by the {@code rego} commands (a picocli mixin). */
public final class RegoFlags {
  @Option(names = "--v0-compatible",
      description = "Read Rego as OPA 0.x did (p { }, deny[msg] { }, keywords only when imported), like OPA's flag.")
  boolean v0Compatible;

  @Option(names = "--capabilities", paramLabel = "FILE",
      description = "OPA capabilities JSON: the builtins, features and future keywords the policies may use.")
  Path capabilities;

  /** The Rego version the flags select. */
  RegoVersion version() { return v0Compatible ? RegoVersion.V0 : RegoVersion.V1; }

  /** The capabilities file's document, or null without {@code --capabilities}. */
  Capabilities capabilities() throws IOException, RegoException {
    if (capabilities == null) return null;
    try {
      return Capabilities.load(capabilities);
    } catch (IOException e) {
      throw new IOException(capabilities + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** A builder with the flags' Rego version and capabilities. */
  Rego.Builder builder() throws IOException, RegoException {
    return Rego.builder().regoVersion(version()).capabilities(capabilities());
  }

  /** One line for a flag or file problem. */
  static String message(Exception e) {
    if (e instanceof RegoException r && !r.errors().isEmpty()) {
      var first = r.errors().get(0);
      String where = first.file() == null ? "" : first.file() + (first.line() > 0 ? ":" + first.line() + ":" + first.column() : "") + ": ";
      return where + first.message();
    }
    return e.getMessage();
  }
}
