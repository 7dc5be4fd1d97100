package io.exportguard.sandbox.policy;

import io.exportguard.sandbox.policy.Patterns.Hole;
import io.exportguard.sandbox.policy.Patterns.Template;
import io.exportguard.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether ExportImage's service role can do its job, the way the sandbox's ExportImage
 * answers {@code NoSetRoletoECSServiceAcount}, by the same rules as the policy pack (EG-ROLE-002,
 * EG-ROLE-003, EG-BUCKET-004; policies/README.md "Policy semantics and sources"), so that a
 * preflight pass means the emulated export is accepted:
 *
 * <ul>
 *   <li>the role exists and its trust policy lets ECS assume it in the documented form
 *       ({@code Principal: {"Service": ["ecs.aliyuncs.com"]}}, Effect "Allow", no Condition), with no
 *       statement that may deny ECS;
 *   <li>each of the eight OSS actions is certainly allowed on the bucket ARN or on every object the
 *       export may write under the prefix, in every region form, by the role's attached policies or
 *       by a bucket-policy Allow whose Principal is "*" / [] or an STS pattern covering every session
 *       of the role in this account;
 *   <li>no statement that may deny (attached policies, or the bucket policy when its principal may
 *       be the role's session) matches one of them.
 * </ul>
 *
 * What the documents leave open (the region string OSS puts in an ARN, the object names, ECS's
 * session name, the letter case of the role name) is treated as unknown: the emulated service
 * honours only grants that cover every possibility and every Deny that may apply.
 */
public final class ExportRoleCheck {
  public static final List<String> BUCKET_ACTIONS = List.of("oss:GetBucketLocation", "oss:GetBucketInfo", "oss:ListMultipartUploads");
  public static final List<String> OBJECT_ACTIONS = List.of("oss:GetObject", "oss:PutObject", "oss:DeleteObject",
      "oss:AbortMultipartUpload", "oss:ListParts");
  static final String ECS = "ecs.aliyuncs.com";

  private final String account;
  private final Set<String> roleNames;

  private ExportRoleCheck(String account, Set<String> roleNames) {
    this.account = account;
    this.roleNames = roleNames;
  }

  /** Empty when the role is fine, otherwise the reason (for the error message). */
  public static Optional<String> problem(Scenario scenario, String roleName, String bucketName, String prefix) {
    Optional<Scenario.Role> found = scenario.role(roleName);
    if (found.isEmpty()) {
      return Optional.of("the role " + roleName + " does not exist");
    }
    Scenario.Role role = found.get();
    if (!trustsEcs(Statement.parse(role.trustPolicy()))) {
      return Optional.of("the trust policy of " + roleName + " does not let ecs.aliyuncs.com assume it in the documented form");
    }
    String account = scenario.account().id();
    // The spellings of the name: as asked for and as the role and its ARN (acs:ram::<id>:role/<name>) hold it.
    ExportRoleCheck check = new ExportRoleCheck(account, new LinkedHashSet<>(List.of(roleName, role.name())));
    List<Statement> attached = new ArrayList<>();
    for (String name : role.attachedPolicies()) {
      scenario.policy(name).ifPresent(p -> attached.addAll(Statement.parse(p.document())));
    }
    List<Statement> bucketPolicy = scenario.bucket(bucketName).map(b -> Statement.parse(b.policy())).orElse(List.of());
    Template bucket = Template.of("acs:oss:", Hole.REGION, ":" + account + ":" + bucketName);
    Template objects = Template.of("acs:oss:", Hole.REGION, ":" + account + ":" + bucketName + "/" + (prefix == null ? "" : prefix), Hole.OBJECT);
    List<String> missing = new ArrayList<>();
    List<String> denied = new ArrayList<>();
    for (String action : BUCKET_ACTIONS) check.classify(action, bucket, attached, bucketPolicy, missing, denied);
    for (String action : OBJECT_ACTIONS) check.classify(action, objects, attached, bucketPolicy, missing, denied);
    if (!denied.isEmpty()) {
      return Optional.of("a Deny may match " + String.join(", ", denied));
    }
    if (!missing.isEmpty()) {
      return Optional.of("no policy certainly allows role " + roleName + " " + String.join(", ", missing));
    }
    return Optional.empty();
  }

  private void classify(String action, Template resource, List<Statement> attached, List<Statement> bucketPolicy,
      List<String> missing, List<String> denied) {
    boolean deny = attached.stream().anyMatch(s -> s.mayDeny() && s.actionMayCover(action) && s.resourceMayCover(resource))
        || bucketPolicy.stream().anyMatch(s -> s.mayDeny() && mayCoverRole(s) && s.actionMayCover(action) && s.resourceMayCover(resource));
    if (deny) {
      denied.add(action);
      return;
    }
    boolean allow = attached.stream().anyMatch(s -> s.grants() && s.actionCovers(action) && s.resourceCovers(resource))
        || bucketPolicy.stream().anyMatch(s -> s.grants() && certainlyCoversRole(s) && s.actionCovers(action) && s.resourceCovers(resource));
    if (!allow) {
      missing.add(action);
    }
  }

  /** Trust in the one documented form, and no statement that may deny ECS. */
  static boolean trustsEcs(List<Statement> trust) {
    boolean allowed = trust.stream().anyMatch(s -> s.grants() && s.actionCovers("sts:AssumeRole")
        && s.documentedPrincipals() != null
        && s.documentedPrincipals().stream().anyMatch(p -> p.kind().equals("Service") && p.isText() && p.text().equals(ECS)));
    boolean denied = trust.stream().anyMatch(s -> s.mayDeny() && s.actionMayCover("sts:AssumeRole") && (s.principalUnbounded()
        || s.principals().stream().anyMatch(p -> !p.isText() || Patterns.glob(p.text().toLowerCase(Locale.ROOT), ECS))));
    return allowed && !denied;
  }

  /** A bucket-policy statement whose principal may be the role's session (a Deny counts). */
  private boolean mayCoverRole(Statement s) {
    return s.principalUnbounded() || s.principals().stream().anyMatch(p -> !p.isText() || mayBeRole(p.text()));
  }

  /** A documented principal value covering every session of the role: "*" or an STS pattern. */
  private boolean certainlyCoversRole(Statement s) {
    List<Statement.Principal> principals = s.documentedPrincipals();
    return principals != null && principals.stream().anyMatch(p -> p.kind().equals("Any") && p.isText()
        && (p.text().equals("*") || roleNames.stream().allMatch(n -> Patterns.mustMatch(p.text(), session("arn:sts::", "assumed-role/", n)))));
  }

  private boolean mayBeRole(String value) {
    for (String n : roleNames) {
      List<Template> identities = List.of(session("arn:sts::", "assumed-role/", n), session("acs:ram::", "assumed-role/", n),
          session("acs:ram::", "role/", n), Template.of("acs:ram::" + account + ":role/" + n),
          Template.of("acs:ram::" + account + ":root"), Template.of(account));
      if (identities.stream().anyMatch(t -> Patterns.mayMatchIgnoreCase(value, t))) return true;
    }
    return false;
  }

  private Template session(String scheme, String kind, String roleName) {
    return Template.of(scheme + account + ":" + kind + roleName + "/", Hole.SESSION);
  }
}
