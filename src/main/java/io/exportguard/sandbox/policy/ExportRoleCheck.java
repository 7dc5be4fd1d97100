package io.exportguard.sandbox.policy;

import io.exportguard.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether ExportImage's service role can do its job, the way the sandbox's ExportImage
 * answers {@code NoSetRoletoECSServiceAcount}: the role exists, its trust policy lets
 * {@code ecs.aliyuncs.com} assume it, its attached policies allow each of the eight OSS actions on
 * the resources the export touches (an Allow with a Condition does not count), and no Deny — in
 * those policies or in the bucket policy, for the role or {@code *} — matches one of them.
 */
public final class ExportRoleCheck {
  /** The eight OSS actions the export role needs, with whether each is bucket-level. */
  public static final List<String> BUCKET_ACTIONS = List.of("oss:GetBucketLocation", "oss:GetBucketInfo", "oss:ListMultipartUploads");
  public static final List<String> OBJECT_ACTIONS = List.of("oss:GetObject", "oss:PutObject", "oss:DeleteObject",
      "oss:AbortMultipartUpload", "oss:ListParts");

  private ExportRoleCheck() {}

  /** Empty when the role is fine, otherwise the reason (for the error message). */
  public static Optional<String> problem(Scenario scenario, String roleName, String regionId, String bucketName,
      String representativeObjectKey) {
    Optional<Scenario.Role> found = scenario.role(roleName);
    if (found.isEmpty()) {
      return Optional.of("the role " + roleName + " does not exist");
    }
    Scenario.Role role = found.get();
    if (!trustsEcs(Statement.parse(role.trustPolicy()))) {
      return Optional.of("the trust policy of " + roleName + " does not allow ecs.aliyuncs.com to assume it");
    }
    List<Statement> granted = new ArrayList<>();
    for (String name : role.attachedPolicies()) {
      scenario.policy(name).ifPresent(p -> granted.addAll(Statement.parse(p.document())));
    }
    List<Statement> bucketPolicy = scenario.bucket(bucketName).map(b -> Statement.parse(b.policy())).orElse(List.of());
    String account = scenario.account().id();
    String bucketArn = "acs:oss:" + regionId + ":" + account + ":" + bucketName;
    String objectArn = bucketArn + "/" + representativeObjectKey;
    List<String> missing = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    for (String action : BUCKET_ACTIONS) {
      classify(action, bucketArn, granted, bucketPolicy, account, roleName, missing, denied);
    }
    for (String action : OBJECT_ACTIONS) {
      classify(action, objectArn, granted, bucketPolicy, account, roleName, missing, denied);
    }
    if (!denied.isEmpty()) {
      return Optional.of("a Deny matches " + String.join(", ", denied));
    }
    if (!missing.isEmpty()) {
      return Optional.of("the policies attached to " + roleName + " do not allow " + String.join(", ", missing));
    }
    return Optional.empty();
  }

  private static void classify(String action, String resource, List<Statement> granted, List<Statement> bucketPolicy,
      String account, String roleName, List<String> missing, List<String> denied) {
    boolean deny = granted.stream().anyMatch(s -> !s.allow() && s.matchesAction(action) && s.matchesResource(resource))
        || bucketPolicy.stream().anyMatch(s -> !s.allow() && s.matchesAction(action) && s.matchesResource(resource)
            && principalMatchesRole(s, account, roleName));
    if (deny) {
      denied.add(action);
      return;
    }
    boolean allow = granted.stream().anyMatch(s -> s.allow() && !s.hasCondition() && s.matchesAction(action) && s.matchesResource(resource));
    if (!allow) {
      missing.add(action);
    }
  }

  static boolean trustsEcs(List<Statement> trust) {
    boolean denied = trust.stream().anyMatch(s -> !s.allow() && s.matchesAction("sts:AssumeRole") && servicePrincipal(s));
    boolean allowed = trust.stream().anyMatch(s -> s.allow() && s.matchesAction("sts:AssumeRole") && servicePrincipal(s));
    return allowed && !denied;
  }

  private static boolean servicePrincipal(Statement s) {
    return s.principals("Service").stream().anyMatch(p -> Statement.glob(p, "ecs.aliyuncs.com"));
  }

  /**
   * A bucket-policy principal list names the role when it is {@code *}, the account, or any ARN or
   * id mentioning the role; when in doubt the Deny counts (fail closed).
   */
  private static boolean principalMatchesRole(Statement s, String account, String roleName) {
    if (s.principal() == null) {
      return true;
    }
    List<String> all = new ArrayList<>(s.principals("RAM"));
    all.addAll(s.principals("*"));
    if (s.principal().isObject()) {
      s.principal().fields().forEachRemaining(e -> all.addAll(s.principals(e.getKey())));
    }
    return all.stream().anyMatch(p -> p.equals("*") || p.equals(account) || p.contains(":role/" + roleName)
        || p.contains("assumed-role/" + roleName) || Statement.glob(p, "acs:ram::" + account + ":role/" + roleName));
  }
}
