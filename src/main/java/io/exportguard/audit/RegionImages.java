package io.exportguard.audit;

import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.Gathered;
import io.exportguard.cloud.ImageListing;
import io.exportguard.facts.FactError;
import io.exportguard.facts.ImageFacts;
import io.exportguard.facts.TaskFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One region's images: DescribeImages page after page (100 each; page 1 says how many there are),
 * the images of this shard that {@code --images} selects gathered into DescribeSnapshots calls of up
 * to 100 snapshot ids whatever page they came from (so a region of {@code n} snapshots costs about
 * {@code n/100} calls), and each image delivered as soon as its snapshots and the region's tasks are
 * known. Before a page is asked for, room for its 100 images is taken from the audit's in-flight
 * budget, given back as each is decided: a listing that runs ahead of evaluation waits.
 */
final class RegionImages {
  private final AccountAudit audit;
  private final AccountAudit.Context ctx;
  private final String region;
  private final ImageListing listing;
  private final List<CompletableFuture<Void>> batches = new ArrayList<>();
  private final List<ImageFacts> pending = new ArrayList<>();
  private final Set<String> pendingIds = new LinkedHashSet<>();
  private int listed;

  RegionImages(AccountAudit audit, AccountAudit.Context ctx, String region) {
    this.audit = audit;
    this.ctx = ctx;
    this.region = region;
    this.listing = new ImageListing(audit.clients());
  }

  /** Lists, batches and delivers every image; completes when each has been handed to evaluation. */
  CompletableFuture<Void> run() {
    return page(1, -1).thenCompose(v -> {
      synchronized (this) {
        flush();
        return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new));
      }
    }).whenComplete((v, e) -> audit.progress().regionsListed.incrementAndGet());
  }

  /** Page {@code n}; {@code total} is the count page 1 announced (-1 before it). */
  private CompletableFuture<Void> page(int n, int total) {
    return audit.lanes().run("ecs:DescribeImages", () -> {
      acquire(ImageListing.PAGE_SIZE);
      try {
        return listing.page(region, n);
      } catch (ApiException | RuntimeException e) {
        ctx.imagesInFlight.release(ImageListing.PAGE_SIZE);
        throw e;
      }
    }).handle((page, failure) -> {
      if (failure != null) {
        ApiException e = AccountAudit.cause(failure, "ecs:DescribeImages");
        audit.runError("image", e.api(), e.code(), "the images of region " + region + " could not be listed past page "
            + (n - 1) + ": " + e.getMessage());
        return CompletableFuture.<Void>completedFuture(null);
      }
      int expected = total < 0 ? page.totalCount() : total;
      if (total < 0) audit.progress().imagesFound.addAndGet(page.totalCount());
      accept(page.images());
      listed += page.images().size();
      if (listed >= expected) return CompletableFuture.<Void>completedFuture(null);
      if (page.images().isEmpty()) {
        audit.runError("image", "ecs:DescribeImages", "ListingIncomplete", "the images of region " + region
            + " could not be read to their end: page " + n + " came back empty after " + listed + " of " + expected);
        return CompletableFuture.<Void>completedFuture(null);
      }
      return page(n + 1, expected);
    }).thenCompose(f -> f);
  }

  private void acquire(int permits) throws ApiException {
    try {
      ctx.imagesInFlight.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("ecs:DescribeImages", "Interrupted", "the audit stopped", false);
    }
  }

  /** Keeps this shard's selected images of a page; gives back the room of the others. */
  private void accept(List<ImageFacts> images) {
    int kept = 0;
    synchronized (this) {
      for (ImageFacts image : images) {
        if (!audit.plan().selects(image.id()) || !audit.plan().shard().owns(ctx.account, region, image.id())) continue;
        kept++;
        audit.progress().targetsFound.incrementAndGet();
        List<String> ids = ImageListing.snapshotIds(image);
        if (pendingIds.size() + ids.size() > ImageListing.PAGE_SIZE) flush();
        pending.add(image);
        pendingIds.addAll(ids);
      }
    }
    ctx.imagesInFlight.release(ImageListing.PAGE_SIZE - kept);
  }

  /** Sends the pending images' snapshot ids in calls of at most 100 (an image's ids stay in one call when they fit). */
  private void flush() {
    if (pending.isEmpty()) return;
    List<ImageFacts> images = List.copyOf(pending);
    List<String> ids = List.copyOf(pendingIds);
    pending.clear();
    pendingIds.clear();
    List<CompletableFuture<Map<String, ImageFacts.Snapshot>>> calls = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += ImageListing.PAGE_SIZE) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + ImageListing.PAGE_SIZE));
      calls.add(audit.lanes().run("ecs:DescribeSnapshots", () -> listing.snapshots(region, batch)));
    }
    CompletableFuture<Void> done = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .handle((v, failure) -> {
          Map<String, ImageFacts.Snapshot> byId = new java.util.HashMap<>();
          FactError error = null;
          if (failure != null) {
            ApiException e = AccountAudit.cause(failure, "ecs:DescribeSnapshots");
            error = new FactError("snapshots", e.api(), e.code(), e.getMessage());
          } else {
            calls.forEach(c -> byId.putAll(c.join()));
          }
          return deliverAll(images, byId, error);
        }).thenCompose(f -> f);
    batches.add(done);
  }

  private CompletableFuture<Void> deliverAll(List<ImageFacts> images, Map<String, ImageFacts.Snapshot> byId,
                                             FactError snapshotsError) {
    return ctx.tasks(region).thenAccept(tasks -> {
      for (ImageFacts image : images) deliver(image, byId, snapshotsError, tasks);
    });
  }

  private void deliver(ImageFacts image, Map<String, ImageFacts.Snapshot> byId, FactError snapshotsError,
                       Gathered<TaskFacts> tasks) {
    List<FactError> errors = new ArrayList<>(ctx.regionErrors(region));
    ImageFacts complete = image;
    if (snapshotsError != null && !ImageListing.snapshotIds(image).isEmpty()) errors.add(snapshotsError);
    else complete = ImageListing.withSnapshots(image, byId);
    audit.deliverTarget(ctx.docs.image(region, ctx.region(region), complete, audit.plan().bucketFor(region), tasks, errors),
        () -> ctx.imagesInFlight.release(1));
  }
}
