package io.exportguard.audit;

import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.RamInventory;
import io.exportguard.facts.FactError;
import io.exportguard.facts.PrincipalFacts;
import io.exportguard.facts.RoleFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who can export: every RAM user, group and role (ListUsers, ListGroups, ListRoles to their end), and
 * for each of this shard the policies attached to it (ListPoliciesForUser/ForGroup/ForRole) and, for
 * a user, its groups (ListGroupsForUser) with theirs. A group's policies and a policy's document
 * (GetPolicy) are asked once, however many identities share them.
 */
final class Identities {
  private final AccountAudit audit;
  private final AccountAudit.Context ctx;
  private final RamInventory ram;
  private final Map<String, CompletableFuture<List<RoleFacts.AttachedPolicy>>> groupPolicies = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<RoleFacts.AttachedPolicy>> documents = new ConcurrentHashMap<>();

  /** One RAM listing: its API and how to read a page. */
  private interface Listing {
    RamInventory.Page page(String marker) throws ApiException;
  }

  Identities(AccountAudit audit, AccountAudit.Context ctx) {
    this.audit = audit;
    this.ctx = ctx;
    this.ram = new RamInventory(audit.clients());
  }

  CompletableFuture<Void> run() {
    return CompletableFuture.allOf(
        each("ram:ListUsers", ram::users, PrincipalFacts.USER),
        each("ram:ListGroups", ram::groups, PrincipalFacts.GROUP),
        each("ram:ListRoles", ram::roles, PrincipalFacts.ROLE));
  }

  /** Lists every identity of a type, then gathers and delivers those of this shard. */
  private CompletableFuture<Void> each(String api, Listing listing, String type) {
    return all(api, listing, null, new ArrayList<>()).handle((names, failure) -> {
      if (failure != null) {
        ApiException e = AccountAudit.cause(failure, api);
        audit.runError("principal", e.api(), e.code(), "the RAM " + type + "s could not be listed: " + e.getMessage());
        return CompletableFuture.<Void>completedFuture(null);
      }
      List<CompletableFuture<Void>> work = new ArrayList<>();
      for (String name : names) {
        if (!audit.plan().shard().owns(ctx.account, "", type + ":" + name)) continue;
        audit.progress().targetsFound.incrementAndGet();
        work.add(principal(type, name));
      }
      return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
    }).thenCompose(f -> f);
  }

  private CompletableFuture<List<String>> all(String api, Listing listing, String marker, List<String> into) {
    return audit.lanes().run(api, () -> listing.page(marker)).thenCompose(p -> {
      into.addAll(p.names());
      return p.nextMarker() == null ? CompletableFuture.completedFuture(into) : all(api, listing, p.nextMarker(), into);
    });
  }

  private CompletableFuture<Void> principal(String type, String name) {
    CompletableFuture<PrincipalFacts> facts = switch (type) {
      case PrincipalFacts.USER -> user(name);
      case PrincipalFacts.GROUP -> groupPolicies(name).thenApply(p -> principal(type, name, p, List.of()));
      default -> policies("ram:ListPoliciesForRole", () -> ram.policiesForRole(name))
          .thenApply(p -> principal(type, name, p, List.of()));
    };
    return facts.thenCombine(ctx.role.get(), (f, role) -> {
      audit.deliverTarget(ctx.docs.principal(f, role, List.of()));
      return (Void) null;
    }).exceptionallyCompose(failure -> ctx.role.get().thenAccept(role -> {
      ApiException e = AccountAudit.cause(failure, "ram:-");
      audit.deliverTarget(ctx.docs.principalError(type, name, role,
          List.of(new FactError("principal", e.api(), e.code(), e.getMessage()))));
    }));
  }

  private CompletableFuture<PrincipalFacts> user(String name) {
    CompletableFuture<List<RoleFacts.AttachedPolicy>> own =
        policies("ram:ListPoliciesForUser", () -> ram.policiesForUser(name));
    CompletableFuture<List<PrincipalFacts.Group>> groups =
        audit.lanes().run("ram:ListGroupsForUser", () -> ram.groupsForUser(name)).thenCompose(names -> {
          List<CompletableFuture<PrincipalFacts.Group>> each = new ArrayList<>();
          for (String g : names) each.add(groupPolicies(g).thenApply(p -> new PrincipalFacts.Group(g, p)));
          return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
              .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
        });
    return own.thenCombine(groups, (p, g) -> principal(PrincipalFacts.USER, name, p, g));
  }

  private CompletableFuture<List<RoleFacts.AttachedPolicy>> groupPolicies(String group) {
    return groupPolicies.computeIfAbsent(group, g -> policies("ram:ListPoliciesForGroup", () -> ram.policiesForGroup(g)));
  }

  /** The attached policies with their documents. */
  private CompletableFuture<List<RoleFacts.AttachedPolicy>> policies(String api,
                                                                     Lanes.Call<List<RamInventory.PolicyRef>> list) {
    return audit.lanes().run(api, list).thenCompose(refs -> {
      List<CompletableFuture<RoleFacts.AttachedPolicy>> docs = new ArrayList<>();
      for (RamInventory.PolicyRef ref : refs) docs.add(document(ref));
      return CompletableFuture.allOf(docs.toArray(CompletableFuture[]::new))
          .thenApply(v -> docs.stream().map(CompletableFuture::join).toList());
    });
  }

  private CompletableFuture<RoleFacts.AttachedPolicy> document(RamInventory.PolicyRef ref) {
    return documents.computeIfAbsent(ref.type() + ":" + ref.name(),
        k -> audit.lanes().run("ram:GetPolicy", () -> ram.policy(ref)));
  }

  private PrincipalFacts principal(String type, String name, List<RoleFacts.AttachedPolicy> policies,
                                   List<PrincipalFacts.Group> groups) {
    return new PrincipalFacts(type, name, "acs:ram::" + ctx.account + ":" + type + "/" + name, ctx.account, policies, groups);
  }
}
