package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.parser.Parser;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code rego.parse_module}: Rego source to OPA's AST term ({@link RegoAstTerms}). */
final class RegoModules {
  private RegoModules() {}

  static void register(BuiltinRegistry r) {
    Args.def(r, "rego.parse_module", RegoModules::parseModule);
  }

  /** Parse errors come back as OPA prints its error lists: {@code 1 error occurred: file:line: code: message}. */
  static Value parseModule(BuiltinContext ctx, List<Value> a) {
    String file = str(a, 1);
    String source = str(a, 2);
    try {
      return RegoAstTerms.module(Parser.parseModule(file, source));
    } catch (RegoException e) {
      List<String> lines = new ArrayList<>();
      for (RegoError err : e.errors()) {
        lines.add((err.file() == null ? "" : err.file() + ":" + err.line() + ": ") + err.code() + ": " + err.message());
      }
      throw Args.fail(lines.size() == 1 ? "1 error occurred: " + lines.get(0)
          : lines.size() + " errors occurred:\n" + String.join("\n", lines));
    }
  }
}
