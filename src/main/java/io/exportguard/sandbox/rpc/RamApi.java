package io.exportguard.sandbox.rpc;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.Policy;
import io.exportguard.sandbox.scenario.Scenario.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RAM (Version 2015-05-01): GetRole, ListPoliciesForRole, GetPolicy and GetPolicyVersion. Policy
 * documents travel as JSON strings, exactly as the scenario wrote them (or as compact JSON when the
 * scenario gave a mapping).
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
    return actions;
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
    Role role = role(call);
    List<Object> policies = new ArrayList<>();
    for (String name : role.attachedPolicies()) {
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

  private Map<String, Object> getPolicy(RpcCall call) {
    Policy p = policy(call);
    long attachments = scenario.roles().stream().filter(r -> r.attachedPolicies().contains(p.name())).count();
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
