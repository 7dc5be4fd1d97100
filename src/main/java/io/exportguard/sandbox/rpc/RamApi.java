package io.exportguard.sandbox.rpc;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.Group;
import io.exportguard.sandbox.scenario.Scenario.Policy;
import io.exportguard.sandbox.scenario.Scenario.Role;
import io.exportguard.sandbox.scenario.Scenario.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RAM (Version 2015-05-01): GetRole, ListPoliciesForRole, GetPolicy and GetPolicyVersion; ListUsers,
 * ListGroups and ListRoles (paged with MaxItems 1–1000, default 100, and an opaque Marker, answering
 * IsTruncated and the next Marker); ListPoliciesForUser, ListPoliciesForGroup and
 * ListGroupsForUser (unpaged, as the service's). Policy documents travel as JSON strings, exactly as
 * the scenario wrote them (or as compact JSON when the scenario gave a mapping).
 */
public final class RamApi {
  private final Scenario scenario;

  public RamApi(Scenario scenario) {
    this.scenario = scenario;
  }

  public Map<String, RpcAction> actions() {
    Map<String, RpcAction> actions = new LinkedHashMap<>();
    actions.put("GetRole", this::getRole);
    actions.put("ListPoliciesForRole", this::listPoliciesForRole);
    actions.put("GetPolicy", this::getPolicy);
    actions.put("GetPolicyVersion", this::getPolicyVersion);
    actions.put("ListUsers", this::listUsers);
    actions.put("ListGroups", this::listGroups);
    actions.put("ListRoles", this::listRoles);
    actions.put("ListPoliciesForUser", this::listPoliciesForUser);
    actions.put("ListPoliciesForGroup", this::listPoliciesForGroup);
    actions.put("ListGroupsForUser", this::listGroupsForUser);
    return actions;
  }

  private Map<String, Object> listUsers(RpcCall call) {
    return page(call, "Users", "User", scenario.users(), u -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("UserId", numericId("user/" + u.name()));
      m.put("UserName", u.name());
      m.put("DisplayName", u.displayName());
      m.put("Comments", "");
      m.put("CreateDate", Times.RESOURCE_CREATED);
      m.put("UpdateDate", Times.RESOURCE_CREATED);
      return m;
    });
  }

  private Map<String, Object> listGroups(RpcCall call) {
    return page(call, "Groups", "Group", scenario.groups(), g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("GroupId", numericId("group/" + g.name()));
      m.put("GroupName", g.name());
      m.put("Comments", g.description());
      m.put("CreateDate", Times.RESOURCE_CREATED);
      m.put("UpdateDate", Times.RESOURCE_CREATED);
      return m;
    });
  }

  private Map<String, Object> listRoles(RpcCall call) {
    return page(call, "Roles", "Role", scenario.roles(), r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("RoleId", numericId(r.name()));
      m.put("RoleName", r.name());
      m.put("Arn", "acs:ram::" + scenario.account().id() + ":role/" + r.name());
      m.put("Description", r.description());
      m.put("CreateDate", Times.RESOURCE_CREATED);
      m.put("UpdateDate", Times.RESOURCE_CREATED);
      m.put("MaxSessionDuration", 3600);
      return m;
    });
  }

  private User user(RpcCall call) {
    String name = call.required("UserName");
    return scenario.user(name).orElseThrow(() -> new RpcError(404, "EntityNotExist.User", "The user does not exist: " + name + "."));
  }

  private Group group(RpcCall call) {
    String name = call.required("GroupName");
    return scenario.group(name).orElseThrow(() -> new RpcError(404, "EntityNotExist.Group", "The group does not exist: " + name + "."));
  }

  private Map<String, Object> listPoliciesForUser(RpcCall call) {
    return attachedPolicies(user(call).attachedPolicies());
  }

  private Map<String, Object> listPoliciesForGroup(RpcCall call) {
    return attachedPolicies(group(call).attachedPolicies());
  }

  private Map<String, Object> listGroupsForUser(RpcCall call) {
    List<Object> groups = new ArrayList<>();
    for (String name : user(call).groups()) {
      Group g = scenario.group(name).orElseThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("GroupId", numericId("group/" + g.name()));
      m.put("GroupName", g.name());
      m.put("Comments", g.description());
      m.put("JoinDate", Times.RESOURCE_CREATED);
      groups.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Groups", Map.of("Group", groups));
    return body;
  }

  /**
   * One page of a Marker-paged RAM listing: up to MaxItems entries from the Marker on, wrapped as
   * {@code {Users: {User: [...]}}}, with IsTruncated and, when truncated, the Marker of the next page.
   */
  private static <T> Map<String, Object> page(RpcCall call, String wrapper, String item, List<T> all,
                                              java.util.function.Function<T, Map<String, Object>> render) {
    int max = call.integer("MaxItems", 100, 1, 1000);
    int from = 0;
    String marker = call.param("Marker");
    if (marker != null) {
      from = decodeMarker(marker, wrapper);
      if (from > all.size()) {
        throw invalidMarker();
      }
    }
    int to = Math.min(all.size(), from + max);
    List<Object> items = new ArrayList<>();
    for (T t : all.subList(from, to)) {
      items.add(render.apply(t));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("IsTruncated", to < all.size());
    if (to < all.size()) {
      body.put("Marker", encodeMarker(to, wrapper));
    }
    body.put(wrapper, Map.of(item, items));
    return body;
  }

  /** Markers are opaque to clients; this one names the listing and the next position. */
  private static String encodeMarker(int position, String listing) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((listing + ":" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeMarker(String marker, String listing) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
      if (!text.startsWith(listing + ":")) {
        throw invalidMarker();
      }
      int position = Integer.parseInt(text.substring(listing.length() + 1));
      if (position < 0) {
        throw invalidMarker();
      }
      return position;
    } catch (IllegalArgumentException e) {
      throw invalidMarker();
    }
  }

  private static RpcError invalidMarker() {
    return new RpcError(400, "InvalidParameter.Marker", "The parameter Marker is invalid.");
  }

  /** ListPoliciesFor{User,Group,Role}: the attached policies, with their type and default version. */
  private Map<String, Object> attachedPolicies(List<String> names) {
    List<Object> policies = new ArrayList<>();
    for (String name : names) {
      Policy p = scenario.policy(name).orElseThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("PolicyName", p.name());
      m.put("PolicyType", p.type());
      m.put("Description", p.description());
      m.put("DefaultVersion", p.defaultVersion());
      m.put("AttachDate", Times.RESOURCE_CREATED);
      policies.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Policies", Map.of("Policy", policies));
    return body;
  }

  private Role role(RpcCall call) {
    String name = call.required("RoleName");
    return scenario.role(name).orElseThrow(() -> new RpcError(404, "EntityNotExist.Role", "The role does not exist: " + name + "."));
  }

  private Policy policy(RpcCall call) {
    String name = call.required("PolicyName");
    String type = call.param("PolicyType");
    return scenario.policy(name).filter(p -> type == null || p.type().equals(type))
        .orElseThrow(() -> new RpcError(404, "EntityNotExist.Policy", "The policy does not exist: " + name + "."));
  }

  private Map<String, Object> getRole(RpcCall call) {
    Role role = role(call);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("RoleId", numericId(role.name()));
    m.put("RoleName", role.name());
    m.put("Arn", "acs:ram::" + scenario.account().id() + ":role/" + role.name());
    m.put("Description", role.description());
    m.put("AssumeRolePolicyDocument", role.trustPolicy());
    m.put("CreateDate", Times.RESOURCE_CREATED);
    m.put("UpdateDate", Times.RESOURCE_CREATED);
    m.put("MaxSessionDuration", 3600);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Role", m);
    return body;
  }

  private Map<String, Object> listPoliciesForRole(RpcCall call) {
    return attachedPolicies(role(call).attachedPolicies());
  }

  private Map<String, Object> getPolicy(RpcCall call) {
    Policy p = policy(call);
    long attachments = scenario.roles().stream().filter(r -> r.attachedPolicies().contains(p.name())).count()
        + scenario.users().stream().filter(u -> u.attachedPolicies().contains(p.name())).count()
        + scenario.groups().stream().filter(g -> g.attachedPolicies().contains(p.name())).count();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("PolicyName", p.name());
    m.put("PolicyType", p.type());
    m.put("Description", p.description());
    m.put("DefaultVersion", p.defaultVersion());
    m.put("AttachmentCount", attachments);
    m.put("CreateDate", Times.RESOURCE_CREATED);
    m.put("UpdateDate", Times.RESOURCE_CREATED);
    m.put("PolicyDocument", p.document());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Policy", m);
    body.put("DefaultPolicyVersion", version(p));
    return body;
  }

  private Map<String, Object> getPolicyVersion(RpcCall call) {
    Policy p = policy(call);
    String version = call.required("VersionId");
    if (!version.equals(p.defaultVersion())) {
      throw new RpcError(404, "EntityNotExist.PolicyVersion", "The policy version does not exist: " + p.name() + " " + version + ".");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("PolicyVersion", version(p));
    return body;
  }

  private static Map<String, Object> version(Policy p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("VersionId", p.defaultVersion());
    v.put("IsDefaultVersion", true);
    v.put("PolicyDocument", p.document());
    v.put("CreateDate", Times.RESOURCE_CREATED);
    return v;
  }

  /** A stable 16-digit id derived from a name, like RAM's RoleId. */
  static String numericId(String name) {
    long h = 1125899906842597L;
    for (char c : name.toCharArray()) {
      h = 31 * h + c;
    }
    return String.format("3%015d", Math.abs(h % 1_000_000_000_000_000L));
  }
}
