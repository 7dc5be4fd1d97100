package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.Evaluation;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import io.exportguard.report.Report;
import java.util.ArrayList;
import java.util.List;

/** The default engine: the embedded Rego engine ({@code io.exportguard.rego}) evaluating in-process. */
public final class EmbeddedPolicyEngine implements PolicyEngine {
  private final PolicySet policySet;
  private final List<CheckDefinition> checks;
  private final EvalOptions options;
  private final List<String> warnings;

  public EmbeddedPolicyEngine(PolicySet policySet, EvalOptions options) throws PolicyDefinitionException {
    this(policySet, options, java.util.Set.of());
  }

  /** With packages adopted as checks ({@code --conftest-main}). */
  public EmbeddedPolicyEngine(PolicySet policySet, EvalOptions options, java.util.Set<String> adopted)
      throws PolicyDefinitionException {
    this.policySet = policySet;
    this.options = options;
    this.checks = CheckDiscovery.discover(policySet.packages(), adopted);
    this.warnings = PolicyLint.lint(policySet.packages(), adopted).warnings();
  }

  @Override
  public List<String> warnings() { return warnings; }

  /** Compiles loaded policies; compile errors become a {@link PolicyDefinitionException} with every error. */
  public static EmbeddedPolicyEngine compile(LoadedPolicies loaded, EvalOptions options)
      throws PolicyDefinitionException {
    try {
      return new EmbeddedPolicyEngine(loaded.compile(), options, loaded.adopted());
    } catch (RegoException e) {
      throw new PolicyDefinitionException(e.getMessage());
    } catch (UnsupportedOperationException e) {
      throw new PolicyDefinitionException("the embedded Rego engine is not available: " + e.getMessage());
    }
  }

  @Override
  public List<CheckDefinition> checks() { return checks; }

  /**
   * Evaluates every check within the options' timeout for the whole pack (not per query), in one
   * {@link Evaluation} of the document: what one check computes (a library rule, the input's
   * derived values) the next reuses. Checks not reached in time are failed with the reason; a check
   * whose evaluation fails is that check's failure alone.
   */
  @Override
  public List<RawResult> evaluate(JsonNode input) {
    return evaluate(input, checks);
  }

  @Override
  public List<RawResult> evaluate(JsonNode input, List<CheckDefinition> only) {
    Value in = RegoValues.of(input);
    List<RawResult> out = new ArrayList<>();
    long deadline = options.timeout() == null ? 0
        : System.nanoTime() + Math.min(options.timeout().toNanos(), Long.MAX_VALUE / 4);
    Evaluation evaluation = policySet.evaluation(in, options);
    for (CheckDefinition c : only) {
      if (options.timeout() != null && deadline - System.nanoTime() <= 0) {
        out.add(RawResult.failed(c, "not evaluated: policy evaluation took longer than the timeout of "
            + options.timeout().toMillis() + " ms"));
        continue;
      }
      try {
        List<Report.Finding> deny = findings(query(evaluation, c, "deny"));
        if (adoptedFromConftest(c)) {
          // conftest reads violation as deny with structured details
          deny = new ArrayList<>(deny);
          deny.addAll(findings(query(evaluation, c, "violation")));
        }
        out.add(RawResult.findings(c, deny, findings(query(evaluation, c, "warn"))));
      } catch (RegoException e) {
        out.add(RawResult.failed(c, e.getMessage()));
      } catch (RuntimeException e) {
        out.add(RawResult.failed(c, "evaluation failed: " + e));
      }
    }
    return out;
  }

  private static Value query(Evaluation evaluation, CheckDefinition c, String rule) throws RegoException {
    return evaluation.eval(queryText(c, rule)).value();
  }

  /** A {@code package main} check adopted with {@code --conftest-main}: its {@code violation} rule denies too. */
  private static boolean adoptedFromConftest(CheckDefinition c) {
    return c.id().startsWith(CheckDiscovery.CONFTEST_PREFIX);
  }

  private static String queryText(CheckDefinition c, String rule) {
    return "data." + c.packagePath() + "." + rule;
  }

  /**
   * Compiles every check's queries; one that does not compile is left for its evaluation to report.
   * From the last check back: an evaluation under way meanwhile compiles from the first, so the two
   * meet in the middle rather than compile the same queries.
   */
  @Override
  public void prepare() {
    for (int i = checks.size() - 1; i >= 0; i--) {
      CheckDefinition c = checks.get(i);
      for (String rule : adoptedFromConftest(c) ? List.of("deny", "violation", "warn") : List.of("deny", "warn")) {
        try {
          policySet.prepare(queryText(c, rule));
        } catch (RegoException | RuntimeException e) {
          // evaluate() meets the same error and reports it as this check's
        }
      }
    }
  }

  /** A deny/warn set (or array) of findings: objects with msg/resource, or bare strings. */
  public static List<Report.Finding> findings(Value v) {
    if (v == null) return List.of();
    List<Value> items = new ArrayList<>();
    if (v instanceof SetValue s) for (Value item : s) items.add(item);
    else if (v instanceof ArrayValue a) items.addAll(a.items());
    else items.add(v);
    List<Report.Finding> out = new ArrayList<>();
    for (Value item : items) out.add(finding(item));
    return out;
  }

  private static Report.Finding finding(Value item) {
    if (item instanceof StringValue s) return new Report.Finding(s.value(), null);
    if (item instanceof ObjectValue o) {
      Value msg = o.get("msg");
      Value resource = o.get("resource");
      // A finding's own remediation must be a string (a policy rendered it); anything else is ignored.
      Value remediation = o.get("remediation");
      return new Report.Finding(msg instanceof StringValue s ? s.value() : msg == null ? Json.write(o) : Json.write(msg),
          resource == null ? null : resource instanceof StringValue r ? r.value() : Json.write(resource),
          remediation instanceof StringValue fix && !fix.value().isBlank() ? fix.value().strip() : null);
    }
    return new Report.Finding(Json.write(item), null);
  }
}
