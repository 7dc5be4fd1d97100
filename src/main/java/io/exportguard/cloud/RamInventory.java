package io.exportguard.cloud;

import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.ListGroupsForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListGroupsForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListGroupsRequest;
import com.aliyuncs.ram.model.v20150501.ListGroupsResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForGroupRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForGroupResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import io.exportguard.facts.PolicyDocuments;
import io.exportguard.facts.RoleFacts;
import java.util.List;
import java.util.function.Function;

/**
 * An account audit's view of RAM, one call per method: the users, groups and roles (ListUsers,
 * ListGroups, ListRoles, a page of up to {@value #MAX_ITEMS} per call, the Marker of the next page),
 * the policies attached to each (ListPoliciesForUser/ForGroup/ForRole), a user's groups
 * (ListGroupsForUser), and a policy's default document (GetPolicy).
 */
public final class RamInventory {
  /** The largest page ListUsers, ListGroups and ListRoles hand out. */
  public static final int MAX_ITEMS = 1000;

  /** One page of a listing: the names on it and the Marker of the next page, null on the last. */
  public record Page(List<String> names, String nextMarker) {}

  /** A policy attached to an identity, before its document is read. */
  public record PolicyRef(String name, String type, String defaultVersion) {}

  private final CloudClients clients;

  public RamInventory(CloudClients clients) {
    this.clients = clients;
  }

  public Page users(String marker) throws ApiException {
    ListUsersRequest r = new ListUsersRequest();
    r.setMaxItems(MAX_ITEMS);
    r.setMarker(marker);
    ListUsersResponse p = clients.ram("ListUsers", r);
    return page("ram:ListUsers", marker, p.getIsTruncated(), p.getMarker(), p.getUsers(), ListUsersResponse.User::getUserName);
  }

  public Page groups(String marker) throws ApiException {
    ListGroupsRequest r = new ListGroupsRequest();
    r.setMaxItems(MAX_ITEMS);
    r.setMarker(marker);
    ListGroupsResponse p = clients.ram("ListGroups", r);
    return page("ram:ListGroups", marker, p.getIsTruncated(), p.getMarker(), p.getGroups(), ListGroupsResponse.Group::getGroupName);
  }

  public Page roles(String marker) throws ApiException {
    ListRolesRequest r = new ListRolesRequest();
    r.setMaxItems(MAX_ITEMS);
    r.setMarker(marker);
    ListRolesResponse p = clients.ram("ListRoles", r);
    return page("ram:ListRoles", marker, p.getIsTruncated(), p.getMarker(), p.getRoles(), ListRolesResponse.Role::getRoleName);
  }

  /**
   * A truncated page must name the next one, and a different one: a listing that cannot go on is an
   * error, never a short list (DESIGN.md).
   */
  private static <T> Page page(String api, String marker, Boolean truncated, String next, List<T> items,
                               Function<T, String> name) throws ApiException {
    List<String> names = (items == null ? List.<T>of() : items).stream().map(name).toList();
    if (!Boolean.TRUE.equals(truncated)) return new Page(names, null);
    if (next == null || next.isEmpty() || next.equals(marker)) {
      throw Listings.incomplete(api, "IsTruncated is true but the reply names no new Marker");
    }
    return new Page(names, next);
  }

  public List<PolicyRef> policiesForUser(String user) throws ApiException {
    ListPoliciesForUserRequest r = new ListPoliciesForUserRequest();
    r.setUserName(user);
    return refs(clients.ram("ListPoliciesForUser", r).getPolicies(), ListPoliciesForUserResponse.Policy::getPolicyName,
        ListPoliciesForUserResponse.Policy::getPolicyType, ListPoliciesForUserResponse.Policy::getDefaultVersion);
  }

  public List<PolicyRef> policiesForGroup(String group) throws ApiException {
    ListPoliciesForGroupRequest r = new ListPoliciesForGroupRequest();
    r.setGroupName(group);
    return refs(clients.ram("ListPoliciesForGroup", r).getPolicies(), ListPoliciesForGroupResponse.Policy::getPolicyName,
        ListPoliciesForGroupResponse.Policy::getPolicyType, ListPoliciesForGroupResponse.Policy::getDefaultVersion);
  }

  public List<PolicyRef> policiesForRole(String role) throws ApiException {
    ListPoliciesForRoleRequest r = new ListPoliciesForRoleRequest();
    r.setRoleName(role);
    return refs(clients.ram("ListPoliciesForRole", r).getPolicies(), ListPoliciesForRoleResponse.Policy::getPolicyName,
        ListPoliciesForRoleResponse.Policy::getPolicyType, ListPoliciesForRoleResponse.Policy::getDefaultVersion);
  }

  public List<String> groupsForUser(String user) throws ApiException {
    ListGroupsForUserRequest r = new ListGroupsForUserRequest();
    r.setUserName(user);
    List<ListGroupsForUserResponse.Group> groups = clients.ram("ListGroupsForUser", r).getGroups();
    return groups == null ? List.of() : groups.stream().map(ListGroupsForUserResponse.Group::getGroupName).toList();
  }

  /** The policy with its default version's document (parsed and normalized, the text kept beside it). */
  public RoleFacts.AttachedPolicy policy(PolicyRef ref) throws ApiException {
    GetPolicyRequest req = new GetPolicyRequest();
    req.setPolicyName(ref.name());
    req.setPolicyType(ref.type());
    GetPolicyResponse resp = clients.ram("GetPolicy", req);
    String text = resp.getDefaultPolicyVersion() == null ? null : resp.getDefaultPolicyVersion().getPolicyDocument();
    if (text == null && resp.getPolicy() != null) text = resp.getPolicy().getPolicyDocument();
    String version = ref.defaultVersion() != null ? ref.defaultVersion()
        : resp.getPolicy() == null ? null : resp.getPolicy().getDefaultVersion();
    return new RoleFacts.AttachedPolicy(ref.name(), ref.type(), version, PolicyDocuments.parse(text), text);
  }

  private static <P> List<PolicyRef> refs(List<P> policies, Function<P, String> name, Function<P, String> type,
                                          Function<P, String> version) {
    return (policies == null ? List.<P>of() : policies).stream()
        .map(p -> new PolicyRef(name.apply(p), type.apply(p), version.apply(p))).toList();
  }
}
