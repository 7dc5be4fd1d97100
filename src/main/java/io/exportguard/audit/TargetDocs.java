package io.exportguard.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.cloud.Gathered;
import io.exportguard.facts.Area;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.CheckScope;
import io.exportguard.facts.ExportBucketFacts;
import io.exportguard.facts.ExportTaskFacts;
import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsTree;
import io.exportguard.facts.ImageFacts;
import io.exportguard.facts.PrincipalFacts;
import io.exportguard.facts.RegionFacts;
import io.exportguard.facts.Request;
import io.exportguard.facts.RoleFacts;
import io.exportguard.facts.Skipped;
import io.exportguard.facts.TargetFacts;
import io.exportguard.facts.TargetRef;
import io.exportguard.facts.TaskFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The facts documents of an account audit's targets, one kind each, and the checks each kind is
 * evaluated against ({@link CheckScope}):
 * <ul>
 *   <li>{@code image} — a custom image's export readiness: request (region and image, no bucket),
 *       image with snapshots, with the region and its tasks beside them (whether this image is being
 *       exported). The role and the buckets are out of scope: the account and destination targets
 *       decide them once.</li>
 *   <li>{@code region} — a region's existence and its exports against the quotas, once per region.</li>
 *   <li>{@code bucket} — an export destination ({@code --bucket} or the {@code auditBuckets} map):
 *       the bucket in a region with the export role, for the bucket checks and the role's rights on it.</li>
 *   <li>{@code account} — the export posture gathered once: the export role, its trust and policies;
 *       with no bucket given, the bucket checks are listed here as skipped, with the reason.</li>
 *   <li>{@code export} — one ExportImage task of the history and the bucket it wrote to.</li>
 *   <li>{@code ram-user}, {@code ram-group}, {@code ram-role} — who can export.</li>
 * </ul>
 */
final class TargetDocs {
  static final String BUCKET = "bucket";
  static final String ACCOUNT = "account";
  static final String EXPORT = "export";

  static final Set<String> BUCKET_AREAS = Set.of(Area.BUCKET.id(), Area.BUCKET_POLICY.id(), Area.BUCKET_ENCRYPTION.id());
  private static final Set<String> ROLE_AREAS = Set.of(Area.ROLE.id(), Area.ROLE_POLICIES.id());

  static final String REGION = "region";

  /** An image: its request, the image and its snapshots; the region and its tasks beside them. */
  static final CheckScope IMAGE_SCOPE = CheckScope.of(Set.of(Area.REQUEST.id(), Area.IMAGE.id(), Area.SNAPSHOTS.id()),
      Set.of(Area.REGION.id(), Area.TASKS.id()), true);
  /** A region: whether it exists, and its export tasks against the quotas (decided once, not per image). */
  static final CheckScope REGION_SCOPE = CheckScope.of(Set.of(Area.REGION.id(), Area.TASKS.id()), Set.of(), false);
  static final CheckScope BUCKET_SCOPE = CheckScope.of(BUCKET_AREAS,
      Set.of(Area.REQUEST.id(), Area.REGION.id(), Area.ROLE.id(), Area.ROLE_POLICIES.id()), false);
  static final CheckScope ACCOUNT_SCOPE = CheckScope.of(ROLE_AREAS, Set.of(Area.REQUEST.id()), false);
  /** The account's scope when no bucket is given: the bucket checks are reported here, skipped. */
  static final CheckScope ACCOUNT_SCOPE_NO_BUCKET = CheckScope.of(union(ROLE_AREAS, BUCKET_AREAS),
      Set.of(Area.REQUEST.id()), false);
  static final CheckScope EXPORT_SCOPE = CheckScope.of(Set.of(Area.EXPORT_TASK.id(), Area.EXPORT_BUCKET.id()),
      Set.of(Area.REQUEST.id()), false);
  static final CheckScope PRINCIPAL_SCOPE = CheckScope.of(Set.of(Area.PRINCIPAL.id()),
      Set.of(Area.REQUEST.id(), Area.ROLE.id(), Area.ROLE_POLICIES.id()), false);

  private final String accountId;
  private final String roleName;
  private final boolean hasBuckets;

  TargetDocs(String accountId, String roleName, boolean hasBuckets) {
    this.accountId = accountId;
    this.roleName = roleName;
    this.hasBuckets = hasBuckets;
  }

  /** What another target decides, said on every image, so a reader knows where to look. */
  private String roleElsewhere() {
    return "the export role is checked once for the account (target " + ACCOUNT + ":" + accountId + ")";
  }

  private String bucketElsewhere(String regionId, String bucket) {
    return bucket == null
        ? "no export bucket given: pass --bucket, or a per-region map auditBuckets in --data, to check the buckets"
        : "the export bucket is checked once for the region (target " + BUCKET + ":" + regionId + "/" + bucket + ")";
  }

  /** @param region null when DescribeRegions failed (then {@code errors} says so) */
  TargetFacts image(String regionId, RegionFacts region, ImageFacts image, String bucket, Gathered<TaskFacts> tasks,
                    List<FactError> errors) {
    Request request = Request.of(regionId, image.id(), null, null, null, roleName);
    List<FactError> all = new ArrayList<>(errors);
    all.addAll(tasks.errors());
    List<Skipped> skipped = new ArrayList<>(tasks.skipped());
    outOfScope(skipped, ROLE_AREAS, roleElsewhere());
    outOfScope(skipped, BUCKET_AREAS, bucketElsewhere(regionId, bucket));
    Facts facts = new Facts(Facts.SCHEMA, request, region, image, null, null, tasks.value(), all, skipped);
    return new TargetFacts(new TargetRef(TargetRef.IMAGE, regionId + "/" + image.id()), doc(facts), IMAGE_SCOPE);
  }

  TargetFacts region(String regionId, RegionFacts region, Gathered<TaskFacts> tasks, List<FactError> errors) {
    Request request = Request.of(regionId, null, null, null, null, roleName);
    List<FactError> all = new ArrayList<>(errors);
    all.addAll(tasks.errors());
    Facts facts = new Facts(Facts.SCHEMA, request, region, null, null, null, tasks.value(), all, tasks.skipped());
    return new TargetFacts(new TargetRef(REGION, regionId), doc(facts), REGION_SCOPE);
  }

  TargetFacts destination(String regionId, RegionFacts region, String bucketName, Gathered<RoleFacts> role,
                          Gathered<BucketFacts> bucket, List<FactError> errors) {
    Request request = Request.of(regionId, null, bucketName, null, null, roleName);
    List<FactError> all = new ArrayList<>(errors);
    all.addAll(role.errors());
    all.addAll(bucket.errors());
    List<Skipped> skipped = new ArrayList<>(bucket.skipped());
    outOfScope(skipped, Set.of(Area.IMAGE.id(), Area.SNAPSHOTS.id(), Area.TASKS.id()),
        "a destination is checked without an image; each image is its own target");
    Facts facts = new Facts(Facts.SCHEMA, request, region, null, role.value(), bucket.value(),
        null, all, skipped);
    return new TargetFacts(new TargetRef(BUCKET, regionId + "/" + bucketName), doc(facts), BUCKET_SCOPE);
  }

  TargetFacts account(Gathered<RoleFacts> role, List<FactError> errors) {
    Request request = Request.of(null, null, null, null, null, roleName);
    List<FactError> all = new ArrayList<>(errors);
    all.addAll(role.errors());
    List<Skipped> skipped = new ArrayList<>(role.skipped());
    if (!hasBuckets) outOfScope(skipped, BUCKET_AREAS, bucketElsewhere(null, null));
    Facts facts = new Facts(Facts.SCHEMA, request, null, null, role.value(), null, null, all, skipped);
    return new TargetFacts(new TargetRef(ACCOUNT, accountId), doc(facts),
        hasBuckets ? ACCOUNT_SCOPE : ACCOUNT_SCOPE_NO_BUCKET);
  }

  TargetFacts export(ExportTaskFacts task, ExportBucketFacts bucket, List<FactError> errors) {
    Request request = Request.of(task.regionId(), task.imageId(), task.ossBucket(), null, task.imageFormat(), roleName);
    Facts facts = new Facts(Facts.SCHEMA, request, null, null, null, null, null, errors, List.of());
    ObjectNode json = tree(facts);
    json.set(Area.EXPORT_TASK.id(), FactsTree.of(task));
    if (bucket != null) json.set(Area.EXPORT_BUCKET.id(), FactsTree.of(bucket));
    return new TargetFacts(new TargetRef(EXPORT, task.regionId() + "/" + task.taskId()), new FactsDocument(facts, json),
        EXPORT_SCOPE);
  }

  TargetFacts principal(PrincipalFacts principal, Gathered<RoleFacts> role, List<FactError> errors) {
    Request request = Request.of(null, null, null, null, null, roleName);
    List<FactError> all = new ArrayList<>(errors);
    all.addAll(role.errors());
    Facts facts = new Facts(Facts.SCHEMA, request, null, null, role.value(), null, null, all, List.of());
    ObjectNode json = tree(facts);
    if (principal != null) json.set(Area.PRINCIPAL.id(), FactsTree.of(principal));
    String kind = "ram-" + (principal == null ? "user" : principal.type());
    return new TargetFacts(new TargetRef(kind, principal == null ? "" : principal.name()), new FactsDocument(facts, json),
        PRINCIPAL_SCOPE);
  }

  /** A principal whose facts could not be gathered: its name and type, and the errors. */
  TargetFacts principalError(String type, String name, Gathered<RoleFacts> role, List<FactError> errors) {
    TargetFacts t = principal(null, role, errors);
    return new TargetFacts(new TargetRef("ram-" + type, name), t.document(), PRINCIPAL_SCOPE);
  }

  private static void outOfScope(List<Skipped> skipped, Set<String> areas, String reason) {
    for (String a : sorted(areas)) {
      if (skipped.stream().noneMatch(s -> s.area().equals(a))) skipped.add(Skipped.outOfScope(a, reason));
    }
  }

  private static List<String> sorted(Set<String> areas) {
    return areas.stream().sorted((x, y) -> Integer.compare(Area.byId(x).ordinal(), Area.byId(y).ordinal())).toList();
  }

  private static ObjectNode tree(Facts facts) {
    return FactsTree.of(facts);
  }

  private static FactsDocument doc(Facts facts) {
    return FactsDocument.of(facts);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
