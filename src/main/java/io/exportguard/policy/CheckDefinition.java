package io.exportguard.policy;

import io.exportguard.report.Severity;
import java.util.List;

/**
 * One check as its package METADATA declares it.
 *
 * @param packagePath dotted package path without {@code data.}, e.g. {@code exportguard.role.trust}
 * @param area the second path segment ({@code role}), the group the check belongs to
 * @param prevents the ExportImage error code it pre-empts, or null
 * @param requires fact areas it needs, or fields within them ({@code role.trustPolicy}); if one failed
 *     the check is {@code error}, if skipped or unknown to a static scan {@code skipped}
 */
public record CheckDefinition(String id, String title, String description, String area, Severity severity,
                              String prevents, List<String> requires, String remediation, String packagePath,
                              String policyFile, int line) {
  public CheckDefinition {
    requires = List.copyOf(requires);
  }

  /** The fact areas of {@code requires}: {@code role.trustPolicy} is in area {@code role}; each once, in order. */
  public List<String> requiredAreas() {
    return requires.stream().map(r -> r.contains(".") ? r.substring(0, r.indexOf('.')) : r).distinct().toList();
  }
}
