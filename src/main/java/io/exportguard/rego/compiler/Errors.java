package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoError;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.Module;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects compile errors with their source lines. Codes are OPA's stable codes. */
final class Errors {
  static final String COMPILE = "rego_compile_error";
  static final String TYPE = "rego_type_error";
  static final String UNSAFE = "rego_unsafe_var_error";
  static final String RECURSION = "rego_recursion_error";
  /** OPA stops after this many errors. */
  static final int MAX = 10;

  private final Map<String, Module> byFile = new HashMap<>();
  private final List<RegoError> errors = new ArrayList<>();
  private String querySource;

  Errors(List<Module> modules) {
    for (Module m : modules) byFile.putIfAbsent(m.file(), m);
  }

  void setQuerySource(String source) { this.querySource = source; }

  void add(String code, String message, Location loc) {
    if (errors.size() >= MAX) return;
    String line = null;
    if (loc != null && loc.line() > 0) {
      Module m = byFile.get(loc.file());
      if (m != null) line = m.sourceLine(loc.line());
      else if (loc.file() == null && querySource != null) line = io.exportguard.rego.ast.SourceText.line(querySource, loc.line());
    }
    RegoError e = loc == null ? new RegoError(code, message, null, 0, 0, null)
        : new RegoError(code, message, loc.file(), loc.line(), loc.column(), line);
    if (!errors.contains(e)) errors.add(e);
  }

  boolean any() { return !errors.isEmpty(); }

  int count() { return errors.size(); }

  List<RegoError> list() { return errors; }
}
