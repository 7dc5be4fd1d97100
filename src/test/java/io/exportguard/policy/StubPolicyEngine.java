package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.report.Report;
import io.exportguard.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A policy engine whose checks are Java functions, for testing everything after the seam. */
public final class StubPolicyEngine implements PolicyEngine {
  private final List<CheckDefinition> checks = new ArrayList<>();
  private final List<Function<JsonNode, List<Report.Finding>>> denies = new ArrayList<>();

  /** Adds a check whose deny findings are {@code deny(input)}. */
  public StubPolicyEngine check(String id, Severity severity, String prevents, List<String> requires,
                                Function<JsonNode, List<Report.Finding>> deny) {
    checks.add(new CheckDefinition(id, "title of " + id, "", id.split("-")[1].toLowerCase(), severity, prevents,
        requires, "fix " + id, "exportguard.stub." + id, "stub/" + id + ".rego", 1));
    denies.add(deny);
    return this;
  }

  /** The stub's view of the built-in request check EG-REQ-001. */
  public static StubPolicyEngine requiredParameters() {
    return new StubPolicyEngine().check("EG-REQ-001", Severity.HIGH, "MissingParameter", List.of("request"), in -> {
      List<Report.Finding> f = new ArrayList<>();
      for (String field : List.of("regionId", "imageId", "ossBucket")) {
        if (in.path("request").path(field).asText("").isBlank()) f.add(new Report.Finding(field + " is missing", field));
      }
      return f;
    });
  }

  public PolicyEngineFactory factory() { return (loaded, options) -> this; }

  @Override
  public List<CheckDefinition> checks() { return checks; }

  @Override
  public List<RawResult> evaluate(JsonNode input) {
    List<RawResult> out = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) out.add(RawResult.findings(checks.get(i), denies.get(i).apply(input), List.of()));
    return out;
  }
}
