package io.exportguard.report;

import io.exportguard.facts.FactError;
import io.exportguard.facts.SourceLocation;
import io.exportguard.facts.TargetRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything one run found: every writer renders this and nothing else. A run decides one target
 * (preflight, eval) or many (an account audit, a static scan): {@link #targets} holds one
 * {@link TargetResult} per target, {@link #summary} the totals over them.
 *
 * <p>Two shapes, told apart by {@link #schema}: {@value #SCHEMA} is the single-target report
 * DESIGN.md fixes (exactly one target; its JSON has {@code target}, {@code checks}, {@code errors}
 * and {@code export} at the top level, as today's consumers read it); {@value #SCHEMA_TARGETS}
 * holds any number of targets, each with those same fields, plus totals.
 *
 * @param summary the verdict of the whole run and the check counts summed over its targets
 * @param runErrors facts that could not be gathered and belong to no single target (an audit's
 *     enumeration of a region that failed); they make the verdict at least {@code error}
 * @param scope what a run of many targets covered (an account audit's account, regions, window and
 *     shard; a scan's files), or null
 * @param policy where the policies came from when OPA bundles were loaded (the policy digest and
 *     each bundle's revision); null otherwise
 */
public record Report(String schema, Tool tool, Instant startedAt, long durationMs, List<TargetResult> targets,
                     Summary summary, List<FactError> runErrors, Scope scope, PolicySource policy) {

  /** The single-target report (DESIGN.md, "Report"). */
  public static final String SCHEMA = "exportguard.report/v1";
  /** The report of many targets: totals plus one entry per target. */
  public static final String SCHEMA_TARGETS = "exportguard.report/v2";

  public Report {
    // A report of very many targets may keep them on disk (a list that reads them as they are used).
    targets = targets == null ? List.of() : targets instanceof StoredTargets ? targets : List.copyOf(targets);
    runErrors = runErrors == null ? List.of() : List.copyOf(runErrors);
    if (SCHEMA.equals(schema) && (targets.size() != 1 || !runErrors.isEmpty() || scope != null)) {
      throw new IllegalArgumentException(SCHEMA + " holds exactly one target, no run-level errors and no scope");
    }
  }

  /** A report without a policy section. */
  public Report(String schema, Tool tool, Instant startedAt, long durationMs, List<TargetResult> targets,
                Summary summary, List<FactError> runErrors, Scope scope) {
    this(schema, tool, startedAt, durationMs, targets, summary, runErrors, scope, null);
  }

  /** A report without a scope or a policy section. */
  public Report(String schema, Tool tool, Instant startedAt, long durationMs, List<TargetResult> targets,
                Summary summary, List<FactError> runErrors) {
    this(schema, tool, startedAt, durationMs, targets, summary, runErrors, null, null);
  }

  /** A single-target report ({@value #SCHEMA}); {@code export} is null unless an export ran. */
  public Report(String schema, Tool tool, Instant startedAt, long durationMs, Target target, Summary summary,
                List<CheckResult> checks, List<FactError> errors, ExportRecord export) {
    this(schema, tool, startedAt, durationMs, List.of(new TargetResult(target, summary, checks, errors, export)),
        summary, List.of(), null, null);
  }

  /** The single-target report of one result. */
  public static Report single(Tool tool, Instant startedAt, long durationMs, TargetResult result) {
    return new Report(SCHEMA, tool, startedAt, durationMs, List.of(result), result.summary(), List.of(), null, null);
  }

  /** True for the single-target shape ({@value #SCHEMA}). */
  public boolean isSingleTarget() { return SCHEMA.equals(schema); }

  /**
   * A list of targets kept outside the heap (a spool file read back on use): a report of very many
   * targets holds one of these instead of copying them all into memory. Iterate rather than index.
   */
  public interface StoredTargets extends List<TargetResult>, io.exportguard.redact.AlreadyRedacted {
    /** How the targets went, without reading them back. */
    TargetTotals totals();

    /** The distinct checks of the targets by id (each as first seen, without findings), without reading them back. */
    java.util.Collection<CheckResult> catalog();

    /**
     * The {@code i}th target's entry in the JSON reports, as it was written when the target was
     * stored (compact JSON, no newline): the JSON writers copy it instead of reading it back.
     */
    byte[] jsonEntry(int i);
  }

  /** The one target's result; only a single-target report has one. */
  public TargetResult only() {
    if (targets.size() != 1) throw new IllegalStateException("a report of " + targets.size() + " targets has no single one");
    return targets.get(0);
  }

  /** The one target (single-target reports). */
  public Target target() { return only().target(); }

  /** The one target's checks (single-target reports). */
  public List<CheckResult> checks() { return only().checks(); }

  /** The one target's export, null unless an export ran (single-target reports). */
  public ExportRecord export() { return only().export(); }

  /** Every facts error of the run: those of no single target first, then each target's in order. */
  public List<FactError> errors() {
    if (targets.size() == 1 && runErrors.isEmpty()) return targets.get(0).errors();
    List<FactError> all = new ArrayList<>(runErrors);
    for (TargetResult t : targets) all.addAll(t.errors());
    return List.copyOf(all);
  }

  /** The same report with the duration read again (after an export step). */
  public Report withDuration(long millis) {
    return new Report(schema, tool, startedAt, millis, targets, summary, runErrors, scope, policy);
  }

  /** The same report with a scope statement (a report of many targets only). */
  public Report withScope(Scope s) {
    return new Report(schema, tool, startedAt, durationMs, targets, summary, runErrors, s, policy);
  }

  /** The same report with the policy section set (null leaves it out). */
  public Report withPolicy(PolicySource p) {
    return new Report(schema, tool, startedAt, durationMs, targets, summary, runErrors, scope, p);
  }

  /** The policy set's SHA-256 and the OPA bundles it was built from. */
  public record PolicySource(String sha256, List<BundleRef> bundles) {}

  /** One loaded bundle: its file, manifest revision and roots, and whether its signature was verified. */
  public record BundleRef(String name, String revision, List<String> roots, String signature) {}

  public record Tool(String name, String version) {}

  /**
   * What a run of many targets covered, for readers and for merging shards: the command, what it
   * was about ({@code subject}), its settings (in order) and, for one shard of several, which
   * ({@code i/n}; null for a whole run). A run that reads files (a static scan) adds each file it
   * read or left out ({@code inputs}) and what lies outside the files ({@code notes}), so a reader
   * knows what a pass covers.
   *
   * @param inputs every file the run was given or found, in the order it met them
   * @param notes what the files do not establish and where those facts came from instead (live
   *     facts, a facts document), one sentence each
   */
  public record Scope(String command, String subject, Map<String, String> settings, String shard, List<Input> inputs,
                      List<String> notes) {
    public Scope {
      settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
      inputs = inputs == null ? List.of() : List.copyOf(inputs);
      notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The scope of a run that reads no files. */
    public Scope(String command, String subject, Map<String, String> settings, String shard) {
      this(command, subject, settings, shard, List.of(), List.of());
    }

    /** The same scope as one whole run (a merge of its shards). */
    public Scope whole() { return new Scope(command, subject, settings, null, inputs, notes); }

    /** The inputs that were read. */
    public List<Input> read() { return inputs.stream().filter(i -> !i.ignored()).toList(); }

    /** The inputs that were left out, each with why. */
    public List<Input> ignored() { return inputs.stream().filter(Input::ignored).toList(); }
  }

  /**
   * One file a run was given or found.
   *
   * @param kind what it was read as ({@code terraform-plan}, {@code ros-template}, {@code trust-policy},
   *     ...), or null when it was left out
   * @param detail what was read from it, or why it was left out
   */
  public record Input(String path, String kind, boolean ignored, String detail) {}

  /** How the targets of a run went: how many there were, and how many passed, failed or errored. */
  public record TargetTotals(int targets, int passed, int failed, int errored) {
    public static TargetTotals of(List<TargetResult> results) {
      if (results instanceof StoredTargets stored) return stored.totals();
      int[] n = new int[Verdict.values().length];
      for (TargetResult r : results) n[r.summary().verdict().ordinal()]++;
      return new TargetTotals(results.size(), n[Verdict.PASS.ordinal()], n[Verdict.FAIL.ordinal()],
          n[Verdict.ERROR.ordinal()]);
    }
  }

  /**
   * What one result is about. Every target has a {@code kind} and a stable {@code label} (see
   * {@code facts.TargetRef}); the request fields say which ExportImage request was checked and may
   * be null where a target has none (a policy file under review).
   *
   * @param location where the target is declared (a static scan's file and resource), or null for a
   *     target in the cloud
   * @param checkLocations for a declared target, where the facts each check decided on are declared
   *     (by check id: the role resource for the role's checks, the bucket policy for the bucket
   *     policy's), so findings point at the source; empty otherwise
   */
  public record Target(String kind, String label, String regionId, String imageId, String ossBucket, String ossPrefix,
                       String imageFormat, String roleName, SourceLocation location,
                       Map<String, SourceLocation> checkLocations) {
    public Target {
      checkLocations = checkLocations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checkLocations));
    }

    /** A target that is not declared in any file. */
    public Target(String kind, String label, String regionId, String imageId, String ossBucket, String ossPrefix,
                  String imageFormat, String roleName) {
      this(kind, label, regionId, imageId, ossBucket, ossPrefix, imageFormat, roleName, null, Map.of());
    }

    /** An image target named by its region and id. */
    public Target(String regionId, String imageId, String ossBucket, String ossPrefix, String imageFormat,
                  String roleName) {
      this(TargetRef.IMAGE, (regionId == null ? "" : regionId) + "/" + (imageId == null ? "" : imageId), regionId,
          imageId, ossBucket, ossPrefix, imageFormat, roleName);
    }

    /** {@code kind:label}, the key a target is known by across runs. */
    public String key() { return new TargetRef(kind, label).key(); }

    /** Where the facts of a check are declared: its own location, else the target's; null in the cloud. */
    public SourceLocation locationOf(String checkId) {
      SourceLocation at = checkLocations.get(checkId);
      return at != null ? at : location;
    }
  }

  /**
   * One target's outcome: its checks, the facts that could not be gathered for it, its verdict and
   * counts, and the export when one ran.
   *
   * @param errors the target's facts errors
   * @param export null unless an export ran
   */
  public record TargetResult(Target target, Summary summary, List<CheckResult> checks, List<FactError> errors,
                             ExportRecord export) {
    public TargetResult {
      checks = checks == null ? List.of() : List.copyOf(checks);
      errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public TargetResult withExport(ExportRecord e) { return new TargetResult(target, summary, checks, errors, e); }
  }

  public record Summary(Verdict verdict, int passed, int warned, int failed, int errors, int skipped,
                        int waived) {

    /**
     * The totals of many targets: the check counts summed, and the verdict {@code fail} when any
     * target failed; otherwise {@code error} when any errored, when a facts error belongs to no
     * single target, or when there is no target at all; otherwise {@code pass}. (Each target's own
     * verdict comes from the verdict rules in {@code policy.Verdicts}; this only combines them.)
     */
    public static Summary total(List<TargetResult> targets, List<FactError> runErrors) {
      int[] n = new int[Status.values().length];
      boolean failed = false;
      boolean errored = targets.isEmpty() || !runErrors.isEmpty();
      for (TargetResult t : targets) {
        for (Status s : Status.values()) n[s.ordinal()] += t.summary().count(s);
        failed |= t.summary().verdict() == Verdict.FAIL;
        errored |= t.summary().verdict() == Verdict.ERROR;
      }
      Verdict v = failed ? Verdict.FAIL : errored ? Verdict.ERROR : Verdict.PASS;
      return new Summary(v, n[Status.PASS.ordinal()], n[Status.WARN.ordinal()], n[Status.FAIL.ordinal()],
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
   * @param waiver the waiver that accepted its findings (status {@code waived}, every finding waived; the first
   *     finding's waiver when several waivers did), or null
   * @param fixed findings of the {@code --baseline} report that this run no longer has, or null without a baseline
   * @param blocking how many of the first findings came from the check's {@code deny} rule, the rest being
   *     its {@code warn} findings (so that waiving every deny finding leaves a warning); not written to
   *     reports, and all of them for a result made or read without that knowledge
   */
  public record CheckResult(String id, String title, String description, String area, Severity severity,
                            Status status, String prevents, List<Finding> findings, String remediation,
                            String policyFile, int line, Waiver waiver, List<Finding> fixed, int blocking) {

    /** A check result whose findings all count as its rule's failures. */
    public CheckResult(String id, String title, String description, String area, Severity severity, Status status,
                       String prevents, List<Finding> findings, String remediation, String policyFile, int line,
                       Waiver waiver, List<Finding> fixed) {
      this(id, title, description, area, severity, status, prevents, findings, remediation, policyFile, line, waiver,
          fixed, findings == null ? 0 : findings.size());
    }

    /** A check result without a waiver and without a baseline comparison. */
    public CheckResult(String id, String title, String description, String area, Severity severity, Status status,
                       String prevents, List<Finding> findings, String remediation, String policyFile, int line) {
      this(id, title, description, area, severity, status, prevents, findings, remediation, policyFile, line, null,
          null);
    }

    /** This result waived: status {@code waived}, the waiver recorded. */
    public CheckResult waivedBy(Waiver w) {
      return new CheckResult(id, title, description, area, severity, Status.WAIVED, prevents, findings, remediation,
          policyFile, line, w, fixed, blocking);
    }

    /** This result with another status (its warnings left once every deny finding is waived). */
    public CheckResult withStatus(Status s) {
      return new CheckResult(id, title, description, area, severity, s, prevents, findings, remediation,
          policyFile, line, waiver, fixed, blocking);
    }

    /** This result with its findings replaced (each possibly waived); status and waiver unchanged. */
    public CheckResult withFindings(List<Finding> replaced) {
      return new CheckResult(id, title, description, area, severity, status, prevents, replaced, remediation,
          policyFile, line, waiver, fixed, Math.min(blocking, replaced == null ? 0 : replaced.size()));
    }

    /** This result with its findings marked against a baseline and the baseline's findings that are gone. */
    public CheckResult compared(List<Finding> marked, List<Finding> gone) {
      return new CheckResult(id, title, description, area, severity, status, prevents, marked, remediation,
          policyFile, line, waiver, gone, Math.min(blocking, marked == null ? 0 : marked.size()));
    }

    /** What to do about one finding: its own remediation when the policy rendered one, else the check's. */
    public String remediationFor(Finding f) {
      return f != null && f.remediation() != null && !f.remediation().isEmpty() ? f.remediation() : remediation;
    }

    /**
     * The distinct remediations to show for this check, in finding order: each finding's own (rendered
     * with the run's bucket, image, role, ...), else the check's METADATA text; empty when there is none.
     * The fixes of waived findings are left out while some finding is not waived: those are what to act on.
     */
    public List<String> remediations() {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      List<Finding> all = findings == null ? List.<Finding>of() : findings;
      List<Finding> open = all.stream().filter(f -> f.waiver() == null).toList();
      for (Finding f : open.isEmpty() ? all : open) {
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
   * @param baseline {@code new}, {@code unchanged} or {@code fixed} when compared with {@code --baseline}, else null
   * @param waiver the waiver that accepted this finding, or null; a check stays {@code fail} (or
   *     {@code warn}) while any of its findings has none
   */
  public record Finding(String msg, String resource, String remediation, String baseline, Waiver waiver) {
    public Finding(String msg, String resource) { this(msg, resource, null, null, null); }

    public Finding(String msg, String resource, String remediation) { this(msg, resource, remediation, null, null); }

    public Finding(String msg, String resource, String remediation, String baseline) {
      this(msg, resource, remediation, baseline, null);
    }

    /** This finding marked {@code new}, {@code unchanged} or {@code fixed} against a baseline report. */
    public Finding marked(String mark) { return new Finding(msg, resource, remediation, mark, waiver); }

    /** This finding accepted by a waiver. */
    public Finding waivedBy(Waiver w) { return new Finding(msg, resource, remediation, baseline, w); }
  }

  /**
   * Why a check's findings were accepted: a waiver of the configuration file.
   *
   * @param expires the last day it applies, {@code yyyy-MM-dd}
   * @param source {@code file:line} of the waiver
   */
  public record Waiver(String reason, String owner, String expires, String source) {}

  public record ExportRecord(String taskId, String status, List<ExportedObject> objects,
                             String factsSha256, String policiesSha256) {}

  public record ExportedObject(String key, long size, String etag) {}
}
