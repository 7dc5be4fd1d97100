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
 */
public record PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                            Path out, String failOn, boolean failOnWarn, boolean v0Compatible, List<Path> bundles,
                            String verificationKey, String signingAlg) {
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

  /** Without OPA bundles. */
  public PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats, Path out,
                       String failOn, boolean failOnWarn, boolean v0Compatible) {
    this(policies, noDefaultPolicies, data, reportFormats, out, failOn, failOnWarn, v0Compatible, List.of(), null,
        null);
  }

  public PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                       Path out, String failOn, boolean failOnWarn) {
    this(policies, noDefaultPolicies, data, reportFormats, out, failOn, failOnWarn, false);
  }
}
