package io.exportguard.cli;

import io.exportguard.report.ReportWriters;
import io.exportguard.run.PolicyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags preflight and eval share (a picocli mixin). */
public final class PolicyFlags {
  @Mixin PolicySourceFlags sources;

  @Option(names = "--data", paramLabel = "FILE",
      description = "JSON or YAML merged over data.exportguard.config (repeatable, later wins).")
  List<Path> data = new ArrayList<>();

  @Option(names = "--report", paramLabel = "FORMATS", defaultValue = PolicyOptions.DEFAULT_REPORTS,
      completionCandidates = ReportWriters.Names.class,
      description = "Comma list of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String report;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
      description = "Folder for report files, created if missing (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "info",
      description = "Lowest severity whose deny findings fail: critical|high|medium|low|info (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--fail-on-warn", description = "Make warnings fail too.")
  boolean failOnWarn;

  @Option(names = "--v0-compatible",
      description = "Read --policies Rego as OPA 0.x did (p { }, deny[msg] { }); the built-in pack stays v1.")
  boolean v0Compatible;

  PolicyOptions toOptions() {
    return new PolicyOptions(sources.policies, sources.noDefaultPolicies, data, report, out, failOn, failOnWarn,
        v0Compatible, sources.bundles, sources.verificationKey, sources.signingAlg);
  }
}
