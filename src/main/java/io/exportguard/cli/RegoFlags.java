package io.exportguard.cli;

import io.exportguard.rego.Capabilities;
import io.exportguard.rego.CompileOptions;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** The compile options the flags select; reads the capabilities file. */
  CompileOptions options() throws IOException, RegoException {
    CompileOptions o = CompileOptions.DEFAULT.withRegoVersion(v0Compatible ? RegoVersion.V0 : RegoVersion.V1);
    if (capabilities == null) return o;
    String json;
    try {
      json = Files.readString(capabilities, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException(capabilities + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
    return o.withCapabilities(Capabilities.parse(capabilities.toString(), json));
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
