/**
 * Decides targets: policy loading, check metadata, the PolicyEngine seam (embedded or OPA server),
 * and {@link io.exportguard.policy.CheckEvaluation}, the compiled, thread-safe evaluation that turns
 * a facts document into check statuses ({@link io.exportguard.policy.StatusRules}) and a verdict
 * ({@link io.exportguard.policy.Verdicts}).
 */
package io.exportguard.policy;
