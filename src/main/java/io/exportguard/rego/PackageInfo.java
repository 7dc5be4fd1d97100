package io.exportguard.rego;

import java.util.List;
import java.util.Map;

/**
 * A compiled package as policy tooling sees it.
 *
 * @param path dotted path without the {@code data.} prefix, e.g. {@code exportguard.role.trust}
 * @param files the files that declare the package
 * @param annotations package-scoped METADATA blocks
 * @param rules the rules it defines
 * @param packageLines for each file, the line of its {@code package} declaration
 */
public record PackageInfo(String path, List<String> files, List<Annotations> annotations, List<RuleInfo> rules,
                          Map<String, Integer> packageLines) {

  public PackageInfo {
    packageLines = Map.copyOf(packageLines);
  }

  /** A package whose declaration lines are not known. */
  public PackageInfo(String path, List<String> files, List<Annotations> annotations, List<RuleInfo> rules) {
    this(path, files, annotations, rules, Map.of());
  }

  /**
   * One rule definition.
   *
   * @param name the rule's name (for ref heads, the dotted head, e.g. {@code a.b.c})
   * @param file file of the definition
   * @param line line of the definition's head
   * @param annotations rule-scoped METADATA blocks
   */
  public record RuleInfo(String name, String file, int line, List<Annotations> annotations) {}
}
