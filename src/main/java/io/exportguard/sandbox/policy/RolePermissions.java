package io.exportguard.sandbox.policy;

import io.exportguard.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a session of a RAM role (STS AssumeRole's keys) may call an API, from the role's attached
 * policies, as RAM decides it for a caller: an explicit Deny that may cover the action wins, else an
 * Allow that certainly covers the action on every resource of the account grants it, else the call
 * is implicitly denied. Resource-level grants narrower than the whole account are not read (the
 * audit's calls are listings, whose resource is the account's {@code *}); a Condition never grants.
 */
public final class RolePermissions {
  /** How RAM names a refusal ({@code AccessDeniedDetail.NoPermissionType}). */
  public static final String IMPLICIT_DENY = "ImplicitDeny";
  public static final String EXPLICIT_DENY = "ExplicitDeny";

  private RolePermissions() {}

  /**
   * Null when a session of the role named (case-insensitively, as RAM names roles) may call
   * {@code action} ({@code ecs:DescribeImages}), else {@link #IMPLICIT_DENY} or {@link #EXPLICIT_DENY};
   * a role the scenario does not have may call nothing.
   */
  public static String refusal(Scenario scenario, String roleName, String action) {
    Scenario.Role role = scenario.roles().stream().filter(r -> r.name().equalsIgnoreCase(roleName)).findFirst()
        .orElse(null);
    return role == null ? IMPLICIT_DENY : refusal(scenario, role, action);
  }

  private static String refusal(Scenario scenario, Scenario.Role role, String action) {
    String product = action.substring(0, action.indexOf(':'));
    Patterns.Template anyResource = Patterns.Template.of("acs:" + product + ":", Patterns.Hole.REGION, ":",
        scenario.account().id(), ":", Patterns.Hole.REST);
    List<Statement> statements = new ArrayList<>();
    for (String name : role.attachedPolicies()) {
      scenario.policy(name).ifPresent(p -> statements.addAll(Statement.parse(p.document())));
    }
    boolean allowed = false;
    for (Statement s : statements) {
      if (s.mayDeny() && s.actionMayCover(action) && s.resourceMayCover(anyResource)) return EXPLICIT_DENY;
      allowed |= s.grants() && s.actionCovers(action) && s.resourceCovers(anyResource);
    }
    return allowed ? null : IMPLICIT_DENY;
  }
}
