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
 */
public record PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                            Path out, String failOn, boolean failOnWarn, boolean v0Compatible) {
  public static final String DEFAULT_REPORTS = ConsoleReportWriter.FORMAT + "," + JsonReportWriter.FORMAT;
  public static final Path DEFAULT_OUT = Path.of("reports");

  public PolicyOptions {
    policies = policies == null ? List.of() : List.copyOf(policies);
    data = data == null ? List.of() : List.copyOf(data);
    reportFormats = reportFormats == null ? DEFAULT_REPORTS : reportFormats;
    out = out == null ? DEFAULT_OUT : out;
    failOn = failOn == null ? Severity.INFO.id() : failOn;
  }

  public PolicyOptions(List<Path> policies, boolean noDefaultPolicies, List<Path> data, String reportFormats,
                       Path out, String failOn, boolean failOnWarn) {
    this(policies, noDefaultPolicies, data, reportFormats, out, failOn, failOnWarn, false);
  }
}
