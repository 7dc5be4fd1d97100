package io.exportguard.run;

import io.exportguard.report.ConsoleReportWriter;
import io.exportguard.report.JsonReportWriter;
import io.exportguard.report.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * The options preflight and eval share: which policies, which data, which reports, and how strict.
 *
 * @param reportFormats the {@code --report} comma list
 * @param failOn the {@code --fail-on} text (validated by the runner)
 * @param v0Compatible {@code --v0-compatible}: the {@code --policies} modules are Rego v0 (the
 *     built-in pack stays v1)
 * @param bundles OPA bundles ({@code --bundle})
 * @param verificationKey {@code --verification-key}: a PEM file or HMAC secret verifying the bundles, or null
 * @param signingAlg {@code --signing-alg}, the bundles' signature algorithm (null: RS256)
 * @param verbose the console lists passing checks one by one
 * @param conftestMain adopt conftest's {@code package main} deny/violation/warn rules as one check
 * @param config {@code --config FILE}, or null to look for {@code .exportguard.yaml}
 * @param baseline {@code --baseline PREVIOUS.json}, or null
 * @param failOnNew only findings new since the baseline fail
 * @param noReportFiles write only to the terminal, no files
 */
public record PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                            Path out, String failOn, boolean failOnWarn, boolean v0Compatible, List<Path> bundles,
                            String verificationKey, String signingAlg, boolean verbose, boolean conftestMain,
                            Path config, Path baseline, boolean failOnNew, boolean noReportFiles) {
  public static final String DEFAULT_REPORTS = ConsoleReportWriter.FORMAT + "," + JsonReportWriter.FORMAT;
  public static final Path DEFAULT_OUT = Path.of("reports");

  public PolicyOptions {
    policies = policies == null ? List.of() : List.copyOf(policies);
    data = data == null ? List.of() : List.copyOf(data);
    reportFormats = reportFormats == null ? DEFAULT_REPORTS : reportFormats;
    out = out == null ? DEFAULT_OUT : out;
    failOn = failOn == null ? Severity.INFO.id() : failOn;
    bundles = bundles == null ? List.of() : List.copyOf(bundles);
  }

  /** With OPA bundles, without the configuration file, baseline and console switches. */
  public PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats, Path out,
                       String failOn, boolean failOnWarn, boolean v0Compatible, List<Path> bundles,
                       String verificationKey, String signingAlg) {
    this(policies, noDefaultPolicies, data, reportFormats, out, failOn, failOnWarn, v0Compatible, bundles,
        verificationKey, signingAlg, false, false, null, null, false, false);
  }

  /** Only the flags every runner had from the start. */
  public PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                       Path out, String failOn, boolean failOnWarn) {
    this(policies, noDefaultPolicies, data, reportFormats, out, failOn, failOnWarn, false);
  }

  /** With {@code --v0-compatible} only. */
  public PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                       Path out, String failOn, boolean failOnWarn, boolean v0Compatible) {
    this(policies, noDefaultPolicies, data, reportFormats, out, failOn, failOnWarn, v0Compatible, List.of(), null,
        null);
  }
}
