package io.exportguard.rego.ast;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.RegoVersion;
import java.util.List;

/**
 * One parsed Rego file.
 *
 * @param file the file name used in locations
 * @param source the full source text (for the source line and caret in errors)
 * @param pkg the package declaration
 * @param imports imports in source order
 * @param rules rules in source order
 * @param annotations METADATA blocks not attached to a rule: package, subpackages and document scope
 * @param regoVersion the syntax the module was parsed as ({@code V0_COMPAT_V1}: v0 with {@code import rego.v1})
 */
public record Module(String file, String source, PackageDecl pkg, List<Import> imports, List<Rule> rules,
                     List<Annotations> annotations, RegoVersion regoVersion) implements Node {
  public Module {
    imports = List.copyOf(imports);
    rules = List.copyOf(rules);
    annotations = List.copyOf(annotations);
  }

  @Override
  public Location loc() { return pkg.loc(); }

  /** The text of a 1-based line, without its line break, or null when out of range. */
  public String sourceLine(int line) { return SourceText.line(source, line); }

  public Module withRules(List<Rule> r) { return new Module(file, source, pkg, imports, r, annotations, regoVersion); }
}
