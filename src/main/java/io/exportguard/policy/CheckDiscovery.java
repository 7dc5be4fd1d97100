package io.exportguard.policy;

import io.exportguard.facts.Area;
import io.exportguard.rego.Annotations;
import io.exportguard.rego.PackageInfo;
import io.exportguard.report.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the checks among compiled packages: any package under {@code exportguard.} whose
 * package-scoped METADATA has {@code custom.id}. The same rule holds for the built-in pack and for
 * a user's {@code --policies}; helpers ({@code exportguard.lib.*}) simply have no id.
 */
public final class CheckDiscovery {
  private CheckDiscovery() {}

  /** The id prefix of a {@code package main} check adopted with {@code --conftest-main}. */
  static final String CONFTEST_PREFIX = "CONFTEST-";

  public static List<CheckDefinition> discover(List<PackageInfo> packages) throws PolicyDefinitionException {
    return discover(packages, Set.of());
  }

  /**
   * The checks, plus one per adopted package ({@code main} with {@code --conftest-main}): conftest
   * rules have no METADATA, so such a check is {@code CONFTEST-<PACKAGE>}, severity high, requiring
   * no particular fact area. Rules that would never run are errors or warnings (see {@link PolicyLint}).
   */
  public static List<CheckDefinition> discover(List<PackageInfo> packages, Set<String> adopted)
      throws PolicyDefinitionException {
    List<CheckDefinition> checks = new ArrayList<>();
    List<String> problems = new ArrayList<>(PolicyLint.lint(packages, adopted).errors());
    for (PackageInfo p : packages) {
      if (adopted.contains(p.path())) checks.add(adopt(p));
    }
    Map<String, String> seen = new HashMap<>();
    for (PackageInfo p : packages) {
      if (!p.path().startsWith("exportguard.")) continue;
      for (Annotations a : p.annotations()) {
        if (!"package".equals(a.scope()) || !(a.custom().get("id") instanceof String id) || id.isBlank()) continue;
        String where = a.file() + ":" + a.line();
        try {
          CheckDefinition c = define(p, a, id.strip());
          String other = seen.putIfAbsent(c.id(), where);
          if (other != null) throw new PolicyDefinitionException("check id " + c.id() + " is also declared at " + other);
          checks.add(c);
        } catch (PolicyDefinitionException e) {
          problems.add(where + ": " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) throw new PolicyDefinitionException(String.join("\n", problems));
    checks.sort(Comparator.comparing(CheckDefinition::id));
    return checks;
  }

  private static CheckDefinition adopt(PackageInfo p) {
    String file = p.files().isEmpty() ? "" : p.files().get(0);
    String id = CONFTEST_PREFIX + p.path().toUpperCase(java.util.Locale.ROOT).replace('.', '-');
    return new CheckDefinition(id, "conftest rules of package " + p.path(),
        "deny, violation and warn rules of package " + p.path() + ", adopted with --conftest-main", p.path(),
        Severity.HIGH, null, List.of(), "", p.path(), file, p.packageLines().getOrDefault(file, 1));
  }

  private static CheckDefinition define(PackageInfo p, Annotations a, String id) throws PolicyDefinitionException {
    Map<String, Object> custom = a.custom();
    Object sev = custom.get("severity");
    Severity severity = sev == null ? Severity.MEDIUM : Severity.parse(String.valueOf(sev));
    if (severity == null) {
      throw new PolicyDefinitionException("check " + id + ": severity " + sev
          + " is not one of critical, high, medium, low, info");
    }
    List<String> requires = new ArrayList<>();
    Object req = custom.get("requires");
    if (req instanceof String s) requires.add(s);
    else if (req instanceof List<?> l) l.forEach(x -> requires.add(String.valueOf(x)));
    else if (req != null) throw new PolicyDefinitionException("check " + id + ": requires must be a list of fact areas");
    for (String r : requires) {
      // An area (role) or a field path within one (role.trustPolicy).
      String area = r.contains(".") ? r.substring(0, r.indexOf('.')) : r;
      if (Area.byId(area) == null || r.endsWith(".") || r.contains("..")) {
        throw new PolicyDefinitionException("check " + id + ": requires names unknown fact area " + r);
      }
    }
    String[] segments = p.path().split("\\.");
    String area = segments.length > 1 ? segments[1] : "";
    Object prevents = custom.get("prevents");
    return new CheckDefinition(id, orEmpty(a.title(), id), orEmpty(a.description(), ""), area, severity,
        prevents == null || String.valueOf(prevents).isBlank() ? null : String.valueOf(prevents).strip(),
        requires, custom.get("remediation") == null ? "" : String.valueOf(custom.get("remediation")).strip(),
        p.path(), a.file(), packageLine(p, a));
  }

  /** The line of the package declaration in the file holding the METADATA; the block's own line when unknown. */
  private static int packageLine(PackageInfo p, Annotations a) {
    return p.packageLines().getOrDefault(a.file(), a.line());
  }

  private static String orEmpty(String s, String dflt) { return s == null || s.isBlank() ? dflt : s.strip(); }
}
