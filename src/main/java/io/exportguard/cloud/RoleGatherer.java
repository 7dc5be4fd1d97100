package io.exportguard.cloud;

import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import io.exportguard.facts.Area;
import io.exportguard.facts.PolicyDocuments;
import io.exportguard.facts.RoleFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code role} and {@code rolePolicies} areas: GetRole beside ListPoliciesForRole, then one
 * GetPolicy per attached policy (it returns the default version's document), side by side.
 */
final class RoleGatherer {
  private final CloudClients clients;
  private final Executor executor;
  private final FactSink sink;

  RoleGatherer(CloudClients clients, Executor executor, FactSink sink) {
    this.clients = clients;
    this.executor = executor;
    this.sink = sink;
  }

  CompletableFuture<RoleFacts> gather(String roleName) {
    CompletableFuture<RoleFacts> role = Async.run(executor, () -> getRole(roleName)).handle((r, failure) -> {
      if (failure == null) return r;
      ApiException e = Async.cause(failure, "ram:GetRole");
      if (e.code().startsWith("EntityNotExist")) return RoleFacts.missing(roleName);
      sink.error(Area.ROLE, e);
      return null;
    });
    CompletableFuture<List<RoleFacts.AttachedPolicy>> policies = Async.run(executor, () -> listPolicies(roleName))
        .thenComposeAsync(this::documents, executor)
        .handle((list, failure) -> {
          if (failure == null) return list;
          ApiException e = Async.cause(failure, "ram:ListPoliciesForRole");
          if (e.code().startsWith("EntityNotExist.Role")) return List.of();
          sink.error(Area.ROLE_POLICIES, e);
          return null;
        });
    return role.thenCombine(policies, (r, p) -> {
      if (r == null) return null;
      if (!r.exists()) return r;
      return r.withAttachedPolicies(p);
    });
  }

  private RoleFacts getRole(String roleName) throws ApiException {
    GetRoleRequest req = new GetRoleRequest();
    req.setRoleName(roleName);
    GetRoleResponse.Role r = clients.ram("GetRole", req).getRole();
    String text = r.getAssumeRolePolicyDocument();
    return new RoleFacts(r.getRoleName(), true, r.getArn(), accountId(r.getArn()), PolicyDocuments.parse(text),
        text, null);
  }

  /** The account id in {@code acs:ram::<accountId>:role/<name>}, or null. */
  static String accountId(String arn) {
    if (arn == null) return null;
    String[] parts = arn.split(":", 5);
    return parts.length == 5 && !parts[3].isEmpty() ? parts[3] : null;
  }

  private List<ListPoliciesForRoleResponse.Policy> listPolicies(String roleName) throws ApiException {
    ListPoliciesForRoleRequest req = new ListPoliciesForRoleRequest();
    req.setRoleName(roleName);
    List<ListPoliciesForRoleResponse.Policy> p = clients.ram("ListPoliciesForRole", req).getPolicies();
    return p == null ? List.of() : p;
  }

  private CompletableFuture<List<RoleFacts.AttachedPolicy>> documents(List<ListPoliciesForRoleResponse.Policy> list) {
    List<CompletableFuture<RoleFacts.AttachedPolicy>> docs = new ArrayList<>();
    for (ListPoliciesForRoleResponse.Policy p : list) docs.add(Async.run(executor, () -> getPolicy(p)));
    return CompletableFuture.allOf(docs.toArray(CompletableFuture[]::new))
        .thenApply(v -> docs.stream().map(CompletableFuture::join).toList());
  }

  private RoleFacts.AttachedPolicy getPolicy(ListPoliciesForRoleResponse.Policy p) throws ApiException {
    return new RamInventory(clients).policy(new RamInventory.PolicyRef(p.getPolicyName(), p.getPolicyType(),
        p.getDefaultVersion()));
  }

}
