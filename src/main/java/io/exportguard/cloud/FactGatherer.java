package io.exportguard.cloud;

import io.exportguard.facts.Area;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.Facts;
import io.exportguard.facts.ImageFacts;
import io.exportguard.facts.RegionFacts;
import io.exportguard.facts.Request;
import io.exportguard.facts.RoleFacts;
import io.exportguard.facts.TaskFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gathers the facts document for one request. Every area starts at once; only snapshots wait for
 * the image and policy documents for the policy list, so calls are at most two deep. Regional
 * calls start beside DescribeRegions (waiting for it would add a level); if the region then turns
 * out not to exist, their areas are reported skipped, not failed. Calls whose input is already
 * invalid (no region, an impossible region id, an invalid bucket name, empty ids) are not made.
 */
public final class FactGatherer {
  private final CloudClients clients;
  private final Executor executor;

  /**
   * @param executor runs the calls: a pool for concurrent gathering, {@code Runnable::run} for one
   *     call after the other (the benchmark's baseline)
   */
  public FactGatherer(CloudClients clients, Executor executor) {
    this.clients = clients;
    this.executor = executor;
  }

  /** Gathers everything, waiting at most {@code timeout}; areas still running then are errors. */
  public Facts gather(Request request, Instant now, Duration timeout) {
    FactSink sink = new FactSink();
    Map<Area, CompletableFuture<?>> running = new EnumMap<>(Area.class);
    String region = blankToNull(request.regionId());
    boolean regionPlausible = Endpoints.plausibleRegion(region);

    CompletableFuture<RegionFacts> regionF = region == null
        ? skipped(sink, "RegionId is missing", Area.REGION)
        : new RegionGatherer(clients, executor, sink).gather(region);
    running.put(Area.REGION, regionF);

    String noRegion = region == null ? "RegionId is missing" : "region id " + region + " has no endpoint";
    CompletableFuture<ImageFacts> imageF;
    if (!regionPlausible) imageF = skipped(sink, noRegion, Area.IMAGE, Area.SNAPSHOTS);
    else if (blankToNull(request.imageId()) == null) imageF = skipped(sink, "ImageId is missing", Area.IMAGE, Area.SNAPSHOTS);
    else imageF = new ImageGatherer(clients, executor, sink).gather(region, request.imageId());
    running.put(Area.IMAGE, imageF);

    CompletableFuture<RoleFacts> roleF = blankToNull(request.roleName()) == null
        ? skipped(sink, "RoleName is empty", Area.ROLE, Area.ROLE_POLICIES)
        : new RoleGatherer(clients, executor, sink).gather(request.roleName());
    running.put(Area.ROLE, roleF);

    CompletableFuture<BucketFacts> bucketF;
    Area[] bucketAreas = {Area.BUCKET, Area.BUCKET_POLICY, Area.BUCKET_ENCRYPTION};
    if (blankToNull(request.ossBucket()) == null) bucketF = skipped(sink, "OSSBucket is missing", bucketAreas);
    else if (!BucketNames.valid(request.ossBucket())) {
      bucketF = skipped(sink, "bucket name " + request.ossBucket() + " breaks the OSS naming rules", bucketAreas);
    } else if (!regionPlausible) bucketF = skipped(sink, noRegion, bucketAreas);
    else bucketF = new BucketGatherer(clients, executor, sink).gather(region, request.ossBucket());
    running.put(Area.BUCKET, bucketF);

    CompletableFuture<TaskFacts> tasksF = !regionPlausible ? skipped(sink, noRegion, Area.TASKS)
        : new TaskGatherer(clients, executor, sink).gather(region, now);
    running.put(Area.TASKS, tasksF);

    awaitAll(running, sink, timeout);
    RegionFacts regionFacts = value(regionF);
    ImageFacts image = value(imageF);
    BucketFacts bucket = value(bucketF);
    TaskFacts tasks = value(tasksF);
    if (regionFacts != null && !regionFacts.exists()) {
      // The regional calls went to a region that does not exist: not facts, not failures.
      String reason = "region " + region + " does not exist";
      for (Area a : Area.values()) {
        if (a.regional() && !sink.isSkipped(a)) sink.reclassifyAsSkipped(a, reason);
      }
      image = null;
      bucket = null;
      tasks = null;
    }
    return new Facts(Facts.SCHEMA, request, regionFacts, image, value(roleF), bucket, tasks, sink.errors(),
        sink.skipped());
  }

  private static <T> CompletableFuture<T> skipped(FactSink sink, String reason, Area... areas) {
    for (Area a : areas) sink.skip(a, reason);
    return CompletableFuture.completedFuture(null);
  }

  private static void awaitAll(Map<Area, CompletableFuture<?>> running, FactSink sink, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<Area, CompletableFuture<?>> e : running.entrySet()) {
      try {
        e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException te) {
        e.getValue().cancel(true);
        for (Area a : dependents(e.getKey())) {
          if (!sink.isSkipped(a) && !sink.hasError(a)) {
            sink.error(a, "-", "Timeout", "not gathered within " + timeout.toMillis() + " ms");
          }
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception ignored) {
        // gatherers record their own failures; a future never fails beyond that
      }
    }
  }

  private static List<Area> dependents(Area head) {
    return switch (head) {
      case IMAGE -> List.of(Area.IMAGE, Area.SNAPSHOTS);
      case ROLE -> List.of(Area.ROLE, Area.ROLE_POLICIES);
      case BUCKET -> List.of(Area.BUCKET, Area.BUCKET_POLICY, Area.BUCKET_ENCRYPTION);
      default -> List.of(head);
    };
  }

  private static <T> T value(CompletableFuture<T> f) {
    return f.isDone() && !f.isCompletedExceptionally() && !f.isCancelled() ? f.join() : null;
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
