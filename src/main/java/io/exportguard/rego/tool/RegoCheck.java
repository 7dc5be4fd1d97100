package io.exportguard.rego.tool;

import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code rego check}: parses and compiles modules together, as {@code opa check} does, and reports
 * every error with its file, line and column, the source line and a caret.
 */
public final class RegoCheck {
  private RegoCheck() {}

  /** The errors of compiling the modules with the builder's settings (empty when they compile). */
  public static List<RegoError> check(List<RegoModule> modules, Rego.Builder settings) {
    try {
      settings.modules(modules).compile();
      return List.of();
    } catch (RegoException e) {
      return e.errors();
    }
  }

  /** Prints the errors as OPA does ({@code N errors occurred:}), each with its source line and caret. */
  public static void print(List<RegoError> errors, PrintWriter out) {
    out.println(errors.size() == 1 ? "1 error occurred:" : errors.size() + " errors occurred:");
    for (RegoError e : errors) out.println(e.format());
  }
}
