package io.exportguard.report;

import io.exportguard.facts.FactError;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run found (DESIGN.md, "Report"): every writer renders this and nothing else.
 *
 * @param export null unless an export ran
 */
public record Report(String schema, Tool tool, Instant startedAt, long durationMs, Target target,
                     Summary summary, List<CheckResult> checks, List<FactError> errors, ExportRecord export) {

  public static final String SCHEMA = "exportguard.report/v1";

  public record Tool(String name, String version) {}

  public record Target(String regionId, String imageId, String ossBucket, String ossPrefix,
                       String imageFormat, String roleName) {}

  public record Summary(Verdict verdict, int passed, int warned, int failed, int errors, int skipped,
                        int waived) {

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
                            String policyFile, int line) {}

  /** One finding of a check; resource may be null. */
  public record Finding(String msg, String resource) {}

  public record ExportRecord(String taskId, String status, List<ExportedObject> objects,
                             String factsSha256, String policiesSha256) {}

  public record ExportedObject(String key, long size, String etag) {}
}
