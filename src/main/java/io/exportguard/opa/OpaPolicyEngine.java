package io.exportguard.opa;

import com.bisnode.opa.client.OpaClientException;
import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.policy.CheckDefinition;
import io.exportguard.policy.EmbeddedPolicyEngine;
import io.exportguard.policy.PolicyEngine;
import io.exportguard.policy.RawResult;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluates every check on an OPA server: one {@code POST /v1/data/<check package>} per check, in
 * parallel, whose result object holds the package's {@code deny} and {@code warn} sets. Fails
 * closed: an unreachable, slow or erroring server, or a package the server does not define, makes
 * that check's result an error carrying the server's message, never an empty (passing) result.
 */
final class OpaPolicyEngine implements PolicyEngine {
  private final List<CheckDefinition> checks;
  private final OpaConnection opa;
  private final ExecutorService pool;
  /** Set when the server could not be prepared (push or verification failed): every check errors with it. */
  private final String unavailable;

  OpaPolicyEngine(List<CheckDefinition> checks, OpaConnection opa, ExecutorService pool, String unavailable) {
    this.checks = List.copyOf(checks);
    this.opa = opa;
    this.pool = pool;
    this.unavailable = unavailable;
  }

  @Override
  public List<CheckDefinition> checks() { return checks; }

  @Override
  public List<RawResult> evaluate(JsonNode input) {
    List<RawResult> out = new ArrayList<>();
    if (unavailable != null) {
      for (CheckDefinition c : checks) out.add(RawResult.failed(c, unavailable));
      return out;
    }
    List<Future<RawResult>> pending = new ArrayList<>();
    for (CheckDefinition c : checks) pending.add(pool.submit(() -> evaluate(c, input)));
    OpaSettings s = opa.settings();
    // Each request is bounded by the client's timeouts; this bounds the whole run even if a body stalls.
    long deadline = System.nanoTime() + s.connectTimeout().plus(s.requestTimeout()).multipliedBy(2)
        .plus(Duration.ofSeconds(1)).toNanos();
    for (int i = 0; i < checks.size(); i++) {
      CheckDefinition c = checks.get(i);
      Future<RawResult> f = pending.get(i);
      try {
        out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        f.cancel(true);
        out.add(RawResult.failed(c, "the OPA server at " + s.base() + " did not answer in time"));
      } catch (ExecutionException e) {
        out.add(RawResult.failed(c, message(e.getCause())));
      } catch (CancellationException e) {
        out.add(RawResult.failed(c, "the OPA query was cancelled"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(RawResult.failed(c, "interrupted while waiting for the OPA server"));
      }
    }
    return out;
  }

  private RawResult evaluate(CheckDefinition c, JsonNode input) {
    String path = c.packagePath().replace('.', '/');
    JsonNode doc;
    try {
      doc = opa.document(path, input);
    } catch (OpaClientException e) {
      return RawResult.failed(c, message(e));
    }
    Value v = Json.parse(doc.toString());
    if (!(v instanceof ObjectValue pkg)) {
      return RawResult.failed(c, "the OPA server's data." + c.packagePath() + " is not a package (got "
          + v.typeName() + ")");
    }
    return RawResult.findings(c, EmbeddedPolicyEngine.findings(pkg.get("deny")),
        EmbeddedPolicyEngine.findings(pkg.get("warn")));
  }

  /** One line for a failed call: the server's own message when it sent one, else what went wrong. */
  static String message(Throwable t) {
    Throwable e = t;
    while (e != null) {
      if (e instanceof OpaServerException s) return s.getMessage();
      e = e.getCause();
    }
    if (t instanceof OpaClientException && t.getMessage() != null && t.getMessage().startsWith("Result is empty")) {
      return "the OPA server does not define this check's package (" + t.getMessage() + ")";
    }
    if (t instanceof com.bisnode.opa.client.rest.OpaServerConnectionException) return t.getMessage();
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return "OPA query failed: " + (t.getMessage() != null ? t.getMessage() : root.toString());
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
