package io.exportguard.rego.ast;

/** {@code package a.b.c}; path is the absolute ref {@code data.a.b.c}. */
public record PackageDecl(Ref path, Location loc) implements Node {

  /** The package path without {@code data.}, dotted: {@code a.b.c}. */
  public String dotted() {
    String d = path.dottedName();
    if (d != null) return d.startsWith("data.") ? d.substring(5) : d;
    // A package path may contain non-identifier strings (package a["b-c"]); fall back to the S-expression.
    return SExpr.print(path);
  }
}
