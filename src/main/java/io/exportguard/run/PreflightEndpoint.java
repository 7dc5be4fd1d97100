package io.exportguard.run;

import com.sun.net.httpserver.HttpExchange;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsFormatException;
import io.exportguard.facts.FactsJson;
import io.exportguard.facts.TargetFacts;
import io.exportguard.policy.CheckEvaluation;
import io.exportguard.policy.EmbeddedPolicyEngine;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyDefinitionException;
import io.exportguard.policy.StatusRules;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PolicySet;
import io.exportguard.report.JsonReportWriter;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import io.exportguard.serve.OpaApiServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code POST /v1/exportguard/preflight}: a facts document in, the exportguard report JSON out
 * (200 whatever the verdict; the verdict is in the report), decided by the same pipeline as
 * {@code eval} over the policies the server holds at that moment. {@code ?fail-on=SEVERITY} and
 * {@code ?fail-on-warn=true} work as the flags do.
 */
final class PreflightEndpoint implements OpaApiServer.Route {
  static final String PATH = "/v1/exportguard/preflight";
  private final Supplier<PolicySet> policies;
  private final LoadedPolicies loaded;
  private final EvalOptions options;
  private volatile Cached cached;

  private record Cached(PolicySet set, EmbeddedPolicyEngine engine) {}

  PreflightEndpoint(Supplier<PolicySet> policies, LoadedPolicies loaded, Duration timeout) {
    this.policies = policies;
    this.loaded = loaded;
    this.options = EvalOptions.DEFAULT.withTimeout(timeout);
  }

  @Override
  public void handle(HttpExchange ex, byte[] body) throws IOException, OpaApiServer.ApiError {
    FactsDocument doc;
    try {
      doc = FactsJson.parse(new String(body, StandardCharsets.UTF_8), "request body");
    } catch (FactsFormatException e) {
      throw new OpaApiServer.ApiError(400, e.getMessage());
    }
    String failOn = param(ex, "fail-on", Severity.INFO.id());
    Severity severity = Severity.parse(failOn);
    if (severity == null) throw new OpaApiServer.ApiError(400, "fail-on " + failOn + ": expected critical, high, medium, low or info");
    boolean failOnWarn = "true".equals(param(ex, "fail-on-warn", "false"));
    RunClock clock;
    try {
      clock = RunClock.fromEnvironment();
    } catch (BadInputException e) {
      throw new OpaApiServer.ApiError(500, e.getMessage());
    }
    Report.TargetResult result = new TargetPipeline(new CheckEvaluation(engine(), new StatusRules(severity, failOnWarn)))
        .decide(TargetFacts.of(doc));
    Report report = Report.single(ReportOutput.tool(), clock.startedAt(), clock.elapsedMillis(), result)
        .withPolicy(PolicyCompilation.source(loaded));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(report, out);
    byte[] bytes = out.toByteArray();
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  /** The engine over the server's current policy set, rebuilt only when the set changed. */
  private EmbeddedPolicyEngine engine() throws OpaApiServer.ApiError {
    PolicySet set = policies.get();
    Cached c = cached;
    if (c != null && c.set() == set) return c.engine();
    try {
      EmbeddedPolicyEngine e = new EmbeddedPolicyEngine(set, options);
      cached = new Cached(set, e);
      return e;
    } catch (PolicyDefinitionException e) {
      throw new OpaApiServer.ApiError(500, "the served policies do not define valid checks: " + e.getMessage());
    }
  }

  private static String param(HttpExchange ex, String name, String dflt) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) return dflt;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
    }
    return dflt;
  }
}
