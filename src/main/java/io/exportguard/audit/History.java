package io.exportguard.audit;

import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.BucketInventory;
import io.exportguard.cloud.ExportHistory;
import io.exportguard.cloud.Gathered;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.ExportBucketFacts;
import io.exportguard.facts.ExportTaskFacts;
import io.exportguard.facts.FactError;
import io.exportguard.facts.TaskFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The export history: per region, the ExportImage tasks created within {@code --since} (DescribeTasks
 * pages), then for each task of this shard DescribeTaskAttribute (where it wrote, how it ended), and
 * for each bucket the history wrote to, once: whether the account owns it (ListBuckets), and its ACL
 * and policy, or what GetBucketInfo says of a bucket the account does not own.
 */
final class History {
  /** What is known of a bucket the history wrote to, and what could not be learned. */
  private record BucketView(ExportBucketFacts facts, List<FactError> errors) {}

  /** The account's own buckets by name, with their regions. */
  private record Owned(Map<String, String> regions) {}

  private final AccountAudit audit;
  private final AccountAudit.Context ctx;
  private final ExportHistory tasks;
  private final BucketInventory inventory;
  private final Supplier<CompletableFuture<Owned>> owned;
  private final Map<String, CompletableFuture<BucketView>> buckets = new ConcurrentHashMap<>();

  History(AccountAudit audit, AccountAudit.Context ctx) {
    this.audit = audit;
    this.ctx = ctx;
    this.tasks = new ExportHistory(audit.clients());
    this.inventory = new BucketInventory(audit.clients());
    this.owned = AccountAudit.memo(this::listOwned);
  }

  /** The region's history; completes when every export of this shard has been handed to evaluation. */
  CompletableFuture<Void> region(String region) {
    return audit.lanes().run("ecs:DescribeTasks", () -> audit.shared().exportTasksSince(region,
        audit.now().minus(audit.plan().since()))).handle((listed, failure) -> {
          if (failure != null) {
            ApiException e = AccountAudit.cause(failure, "ecs:DescribeTasks");
            audit.runError("exportTask", e.api(), e.code(), "the export history of region " + region
                + " could not be listed: " + e.getMessage());
            return CompletableFuture.<Void>completedFuture(null);
          }
          List<CompletableFuture<Void>> each = new ArrayList<>();
          for (TaskFacts.Task t : listed) {
            if (!audit.plan().shard().owns(ctx.account, region, t.taskId())) continue;
            audit.progress().targetsFound.incrementAndGet();
            each.add(task(region, t));
          }
          return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
        }).thenCompose(f -> f);
  }

  private CompletableFuture<Void> task(String region, TaskFacts.Task listed) {
    return audit.lanes().run("ecs:DescribeTaskAttribute", () -> tasks.task(region, listed)).handle((task, failure) -> {
      if (failure != null) {
        ApiException e = AccountAudit.cause(failure, "ecs:DescribeTaskAttribute");
        ExportTaskFacts partial = new ExportTaskFacts(listed.taskId(), region, listed.imageId(), listed.status(),
            listed.createdAt(), null, null, null, List.of(), null, null);
        audit.deliverTarget(ctx.docs.export(partial, null,
            List.of(new FactError("exportTask", e.api(), e.code(), e.getMessage()))));
        return CompletableFuture.<Void>completedFuture(null);
      }
      if (task.ossBucket() == null) {
        audit.deliverTarget(ctx.docs.export(task, null, List.of(new FactError("exportBucket",
            "ecs:DescribeTaskAttribute", "NotReported", "the task names no OSSBucket"))));
        return CompletableFuture.<Void>completedFuture(null);
      }
      return bucket(region, task.ossBucket()).thenAccept(b -> audit.deliverTarget(ctx.docs.export(task, b.facts(), b.errors())));
    }).thenCompose(f -> f);
  }

  /** What is known of a bucket an export wrote to, learned once per region and bucket. */
  private CompletableFuture<BucketView> bucket(String region, String name) {
    return buckets.computeIfAbsent(region + "/" + name, k -> owned.get().thenCompose(own -> {
      if (own == null) {
        return CompletableFuture.completedFuture(new BucketView(null, List.of(new FactError("exportBucket",
            "oss:ListBuckets", "Unavailable", "the account's buckets could not be listed, so the owner of " + name
            + " is unknown"))));
      }
      String ownRegion = own.regions().get(name);
      return ownRegion != null ? ownBucket(ownRegion, name) : otherBucket(region, name);
    }));
  }

  private CompletableFuture<BucketView> ownBucket(String region, String name) {
    return ctx.bucket(region, name).thenApply((Gathered<BucketFacts> g) -> {
      List<FactError> errors = g.errors().stream()
          .filter(e -> e.area().equals("bucket") || e.area().equals("bucketPolicy"))
          .map(e -> new FactError("exportBucket", e.api(), e.code(), e.message())).toList();
      BucketFacts b = g.value();
      return new BucketView(new ExportBucketFacts(name, ExportBucketFacts.ACCOUNT, ctx.account, region,
          b == null ? null : b.acl(), b == null ? null : b.policy(), b == null ? null : b.policyText()), errors);
    });
  }

  private CompletableFuture<BucketView> otherBucket(String region, String name) {
    return audit.lanes().run("oss:GetBucketInfo", () -> inventory.info(region, name)).handle((info, failure) -> {
      if (failure != null) {
        ApiException e = AccountAudit.cause(failure, "oss:GetBucketInfo");
        return new BucketView(new ExportBucketFacts(name, null, null, null, null, null, null),
            List.of(new FactError("exportBucket", e.api(), e.code(), e.getMessage())));
      }
      String owner = !info.exists() ? ExportBucketFacts.NONE
          : ctx.account.equals(info.ownerId()) ? ExportBucketFacts.ACCOUNT : ExportBucketFacts.OTHER;
      return new BucketView(new ExportBucketFacts(name, owner, info.ownerId(), info.regionId(), null, null, null), List.of());
    });
  }

  /** Every bucket the account owns (ListBuckets to its end), or null when that failed. */
  private CompletableFuture<Owned> listOwned() {
    return page(null, new HashMap<>()).handle((regions, failure) -> {
      if (failure == null) return new Owned(regions);
      ApiException e = AccountAudit.cause(failure, "oss:ListBuckets");
      audit.runError("exportBucket", e);
      return null;
    });
  }

  private CompletableFuture<Map<String, String>> page(String marker, Map<String, String> into) {
    String signing = audit.plan().regions() == null || audit.plan().regions().isEmpty() ? "cn-hangzhou"
        : audit.plan().regions().get(0);
    return audit.lanes().run("oss:ListBuckets", () -> inventory.page(signing, marker)).thenCompose(p -> {
      p.buckets().forEach(b -> into.put(b.name(), b.regionId()));
      return p.nextMarker() == null ? CompletableFuture.completedFuture(into) : page(p.nextMarker(), into);
    });
  }
}
