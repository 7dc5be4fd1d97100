package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The export role (GetRole) and the policies attached to it (ListPoliciesForRole, GetPolicy).
 * Policy documents are normalized (see {@link PolicyDocuments}); the raw text is kept beside them.
 *
 * @param attachedPolicies null when the rolePolicies area was not gathered
 */
public record RoleFacts(String name, boolean exists, String arn, String accountId, JsonNode trustPolicy,
                        String trustPolicyText, List<AttachedPolicy> attachedPolicies) {

  /** One attached policy with its default version's document. */
  public record AttachedPolicy(String name, String type, String defaultVersion, JsonNode document,
                               String documentText) {}

  public static RoleFacts missing(String name) {
    return new RoleFacts(name, false, null, null, null, null, List.of());
  }

  public RoleFacts withAttachedPolicies(List<AttachedPolicy> policies) {
    return new RoleFacts(name, exists, arn, accountId, trustPolicy, trustPolicyText, policies);
  }
}
