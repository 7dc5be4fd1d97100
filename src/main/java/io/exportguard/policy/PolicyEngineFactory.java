package io.exportguard.policy;

import io.exportguard.rego.EvalOptions;

/** Builds the engine for a loaded policy set: the embedded one by default, an OPA server later. */
@FunctionalInterface
public interface PolicyEngineFactory {
  PolicyEngineFactory EMBEDDED = EmbeddedPolicyEngine::compile;

  PolicyEngine create(LoadedPolicies policies, EvalOptions options) throws PolicyDefinitionException;
}
