package io.exportguard.cloud;

import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsResponse;
import io.exportguard.facts.Area;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.RegionFacts;
import io.exportguard.facts.RoleFacts;
import io.exportguard.facts.TaskFacts;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Preflight's gatherers for the areas many targets of an account audit share, gathered once each:
 * the regions, the export role with its policies, a bucket, and a region's export tasks. Each
 * result carries the facts errors its gatherer recorded, so every target that uses it fails closed
 * the same way a preflight would.
 */
public final class SharedAreas {
  private final CloudClients clients;
  private final Executor executor;

  /** @param executor runs the calls the gatherers make side by side */
  public SharedAreas(CloudClients clients, Executor executor) {
    this.clients = clients;
    this.executor = executor;
  }

  /** DescribeRegions, once: every region the account can use (an {@link ApiException} when it fails). */
  public DescribeRegionsResponse regions(String signingRegion) throws ApiException {
    return clients.ecsCentral("DescribeRegions", signingRegion, new DescribeRegionsRequest());
  }

  /** The region's facts from a DescribeRegions reply. */
  public static RegionFacts region(String regionId, DescribeRegionsResponse regions) {
    return RegionGatherer.toFacts(regionId, regions);
  }

  /** The role and its attached policies (areas role, rolePolicies). */
  public CompletableFuture<Gathered<RoleFacts>> role(String roleName) {
    return gather(Area.ROLE, sink -> new RoleGatherer(clients, executor, sink).gather(roleName));
  }

  /** The bucket, signed for {@code regionId} (areas bucket, bucketPolicy, bucketEncryption). */
  public CompletableFuture<Gathered<BucketFacts>> bucket(String regionId, String bucket) {
    return gather(Area.BUCKET, sink -> new BucketGatherer(clients, executor, sink).gather(regionId, bucket));
  }

  /** The region's ExportImage tasks in progress and of the last seven days (area tasks). */
  public CompletableFuture<Gathered<TaskFacts>> tasks(String regionId, Instant now) {
    return gather(Area.TASKS, sink -> new TaskGatherer(clients, executor, sink).gather(regionId, now));
  }

  /** Every ExportImage task of the region created since {@code since}, page by page. */
  public List<TaskFacts.Task> exportTasksSince(String regionId, Instant since) throws ApiException {
    return new TaskGatherer(clients, executor, new FactSink()).exportTasks(regionId, null, since);
  }

  /** Runs a gatherer with its own sink; a failure it did not record itself becomes an error of {@code area}. */
  private static <T> CompletableFuture<Gathered<T>> gather(Area area, Function<FactSink, CompletableFuture<T>> gatherer) {
    FactSink sink = new FactSink();
    return gatherer.apply(sink).handle((value, failure) -> {
      if (failure != null || (value == null && sink.errors().isEmpty() && sink.skipped().isEmpty())) {
        ApiException e = Async.cause(failure == null ? new IllegalStateException("no value") : failure, "-");
        sink.error(area, e);
        return new Gathered<>(null, sink.errors(), sink.skipped());
      }
      return new Gathered<>(value, sink.errors(), sink.skipped());
    });
  }
}
