package io.exportguard.facts;

import java.util.List;

/**
 * An account audit's RAM identity (area {@code principal}): a user, group or role, the policies
 * attached to it directly and, for a user, the groups it belongs to with theirs (ListPoliciesForUser,
 * ListGroupsForUser, ListPoliciesForGroup, ListPoliciesForRole; each document from GetPolicy).
 *
 * @param type {@code user}, {@code group} or {@code role}
 * @param arn {@code acs:ram::<account>:<type>/<name>}
 * @param groups the groups of a user (empty for a group or a role)
 */
public record PrincipalFacts(String type, String name, String arn, String accountId,
                             List<RoleFacts.AttachedPolicy> attachedPolicies, List<Group> groups) {
  public static final String USER = "user";
  public static final String GROUP = "group";
  public static final String ROLE = "role";

  public PrincipalFacts {
    attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** A group a user belongs to, with the policies attached to the group. */
  public record Group(String name, List<RoleFacts.AttachedPolicy> attachedPolicies) {}
}
