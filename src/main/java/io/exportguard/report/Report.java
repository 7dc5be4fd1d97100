package io.exportguard.report;

import io.exportguard.facts.FactError;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything one run found (DESIGN.md, "Report"): every writer renders this and nothing else.
 *
 * @param export null unless an export ran
 * @param policy where the policies came from when OPA bundles were loaded (digest and each bundle's
 *     revision); null otherwise
 */
public record Report(String schema, Tool tool, Instant startedAt, long durationMs, Target target,
                     Summary summary, List<CheckResult> checks, List<FactError> errors, ExportRecord export,
                     PolicySource policy) {

  public static final String SCHEMA = "exportguard.report/v1";

  /** Without a policy section. */
  public Report(String schema, Tool tool, Instant startedAt, long durationMs, Target target, Summary summary,
                List<CheckResult> checks, List<FactError> errors, ExportRecord export) {
    this(schema, tool, startedAt, durationMs, target, summary, checks, errors, export, null);
  }

  /** The policy set's SHA-256 and the OPA bundles it was built from. */
  public record PolicySource(String sha256, List<BundleRef> bundles) {}

  /** One loaded bundle: its file, manifest revision and roots, and whether its signature was verified. */
  public record BundleRef(String name, String revision, List<String> roots, String signature) {}

  public record Tool(String name, String version) {}

  public record Target(String regionId, String imageId, String ossBucket, String ossPrefix,
                       String imageFormat, String roleName) {}

  public record Summary(Verdict verdict, int passed, int warned, int failed, int errors, int skipped,
                        int waived) {

    /**
     * Counts the checks by status and derives the verdict (DESIGN.md): fail when any check failed,
     * otherwise error when any check errored or none was evaluated, otherwise pass.
     */
    public static Summary of(List<CheckResult> checks) {
      int[] n = new int[Status.values().length];
      for (CheckResult c : checks) n[c.status().ordinal()]++;
      Verdict verdict;
      if (n[Status.FAIL.ordinal()] > 0) verdict = Verdict.FAIL;
      else if (n[Status.ERROR.ordinal()] > 0 || checks.isEmpty()) verdict = Verdict.ERROR;
      else verdict = Verdict.PASS;
      return new Summary(verdict, n[Status.PASS.ordinal()], n[Status.WARN.ordinal()], n[Status.FAIL.ordinal()],
          n[Status.ERROR.ordinal()], n[Status.SKIPPED.ordinal()], n[Status.WAIVED.ordinal()]);
    }

    /** The count for one status. */
    public int count(Status status) {
      return switch (status) {
        case PASS -> passed;
        case WARN -> warned;
        case FAIL -> failed;
        case ERROR -> errors;
        case SKIPPED -> skipped;
        case WAIVED -> waived;
      };
    }
  }

  /**
   * One check's result.
   *
   * @param area the fact area the check belongs to (request, image, role, ...), from its package
   * @param prevents the ExportImage error code it pre-empts, or null
   * @param policyFile the Rego file that defines the check, as loaded (relative for the built-in pack)
   * @param line the line of its package declaration
   */
  public record CheckResult(String id, String title, String description, String area, Severity severity,
                            Status status, String prevents, List<Finding> findings, String remediation,
                            String policyFile, int line) {

    /** What to do about one finding: its own remediation when the policy rendered one, else the check's. */
    public String remediationFor(Finding f) {
      return f != null && f.remediation() != null && !f.remediation().isEmpty() ? f.remediation() : remediation;
    }

    /**
     * The distinct remediations to show for this check, in finding order: each finding's own (rendered
     * with the run's bucket, image, role, ...), else the check's METADATA text; empty when there is none.
     */
    public List<String> remediations() {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (Finding f : findings == null ? List.<Finding>of() : findings) {
        String r = remediationFor(f);
        if (r != null && !r.isEmpty()) out.add(r);
      }
      if (out.isEmpty() && remediation != null && !remediation.isEmpty()) out.add(remediation);
      return List.copyOf(out);
    }
  }

  /**
   * One finding of a check.
   *
   * @param resource what it is about, or null
   * @param remediation the fix for this finding, rendered by the policy with the run's names, or null
   *     (then the check's METADATA remediation applies)
   */
  public record Finding(String msg, String resource, String remediation) {
    public Finding(String msg, String resource) { this(msg, resource, null); }
  }

  public record ExportRecord(String taskId, String status, List<ExportedObject> objects,
                             String factsSha256, String policiesSha256) {}

  public record ExportedObject(String key, long size, String etag) {}
}
