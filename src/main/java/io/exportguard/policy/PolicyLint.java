package io.exportguard.policy;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.PackageInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules that would silently never run. A check is a package under {@code exportguard.} with a
 * package-scoped METADATA {@code custom.id}; a module that writes {@code deny} or {@code warn} but
 * misses either half is reported instead of ignored:
 * <ul>
 *   <li>under {@code exportguard.} (not {@code exportguard.lib.}) without the id: an error, with the
 *       METADATA block to add (a block without {@code scope: package} is called out);</li>
 *   <li>{@code package main} (conftest's default namespace): a warning naming {@code --conftest-main},
 *       which adopts it as a check, unless that flag is given;</li>
 *   <li>any other package: a warning with the package to move the rules to.</li>
 * </ul>
 */
public final class PolicyLint {
  /** The rule names a check is read from, and conftest's {@code violation}. */
  private static final Set<String> RULES = Set.of("deny", "warn", "violation");

  /** What was found: errors make the run bad input, warnings are printed and the run goes on. */
  public record Findings(List<String> errors, List<String> warnings) {}

  private PolicyLint() {}

  public static Findings lint(List<PackageInfo> packages, Set<String> adopted) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (PackageInfo p : packages) {
      PackageInfo.RuleInfo rule = p.rules().stream().filter(r -> RULES.contains(r.name())).findFirst().orElse(null);
      if (rule == null || adopted.contains(p.path())) continue;
      String where = rule.file() + ":" + rule.line();
      if (p.path().startsWith("exportguard.lib.") || p.path().equals("exportguard.lib")) {
        warnings.add(where + ": package " + p.path() + " defines " + rule.name()
            + ", but exportguard.lib.* holds helpers and is never run as a check; move the rule to its own package"
            + " exportguard.<area>.<name> with a METADATA custom.id");
      } else if (p.path().startsWith("exportguard.")) {
        if (hasPackageId(p)) continue;
        String hint = hasRuleScopedId(p)
            ? "its METADATA block has a custom.id but not 'scope: package' (put '# scope: package' in the block"
                + " above the package line)"
            : "add a METADATA block above the package line:\n"
                + "    # METADATA\n    # scope: package\n    # title: <what the check decides>\n"
                + "    # custom:\n    #   id: <YOUR-ID-001>\n    #   severity: high";
        errors.add(where + ": package " + p.path() + " defines " + rule.name() + " but is not a check, so it"
            + " would never run: " + hint);
      } else if (p.path().equals("main")) {
        warnings.add(where + ": package main defines " + rule.name() + " (a conftest-style rule), which is not run;"
            + " pass --conftest-main to run it as a check, or move it to package exportguard.<area>.<name> with"
            + " a METADATA custom.id");
      } else {
        warnings.add(where + ": package " + p.path() + " defines " + rule.name() + " but is outside exportguard.,"
            + " so it is not run; move it to package exportguard.<area>.<name> with a METADATA custom.id");
      }
    }
    return new Findings(List.copyOf(errors), List.copyOf(warnings));
  }

  private static boolean hasPackageId(PackageInfo p) {
    return p.annotations().stream().anyMatch(a -> "package".equals(a.scope()) && a.custom().get("id") != null);
  }

  private static boolean hasRuleScopedId(PackageInfo p) {
    for (PackageInfo.RuleInfo r : p.rules()) {
      for (Annotations a : r.annotations()) {
        if (a.custom().get("id") != null) return true;
      }
    }
    return false;
  }
}
