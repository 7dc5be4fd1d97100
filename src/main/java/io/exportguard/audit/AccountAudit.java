package io.exportguard.audit;

import com.aliyuncs.ecs.model.v20140526.DescribeRegionsResponse;
import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.CallerIdentity;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.Gathered;
import io.exportguard.cloud.SharedAreas;
import io.exportguard.facts.FactError;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.RegionFacts;
import io.exportguard.facts.RoleFacts;
import io.exportguard.facts.TargetFacts;
import io.exportguard.facts.TaskFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The account audit's facts source: every target of the account, gathered with as few calls as the
 * APIs allow and each API at its own pace ({@link Lanes}, {@link ApiPacer}), delivered to the
 * pipeline as soon as its document is complete, on a few evaluation threads.
 *
 * <p>What it gathers, once each: the caller's account (STS GetCallerIdentity), the regions
 * (DescribeRegions), the export role; per region, the export tasks and the images (DescribeImages
 * pages of 100, then DescribeSnapshots for up to 100 snapshot ids across images, see
 * {@link RegionImages}); the history ({@link History}); the RAM identities ({@link Identities}); each
 * destination bucket. A target whose facts are incomplete is delivered with the errors (its checks
 * are {@code error}); a listing that failed is a run-level error, never a short list. With
 * {@code --shard}, only this slice's targets are gathered beyond the listings.
 *
 * <p>Memory stays bounded: at most {@link #IMAGES_IN_FLIGHT} images (or 150 a region) are between
 * their listing and their evaluation at once; listing waits for evaluation to catch up.
 */
public final class AccountAudit implements FactsSource {
  /** Images held between listing and evaluation at once (at least 150 per region). */
  static final int IMAGES_IN_FLIGHT = 2_000;

  private final CloudClients clients;
  private final AuditPlan plan;
  private final Instant now;
  private final AuditProgress progress;
  private final Lanes lanes;
  private final ExecutorService sharedPool;
  private final SharedAreas shared;
  private final ExecutorService evaluators;
  private final Set<FactError> runErrors = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile String accountId = "unknown";
  private Sink sink;

  /**
   * @param threadsPerApi calls of one API in flight at once
   * @param evaluationThreads threads deciding targets (the CPU-bound part)
   */
  public AccountAudit(CloudClients clients, AuditPlan plan, Instant now, AuditProgress progress, int threadsPerApi,
                      int evaluationThreads) {
    this.clients = clients;
    this.plan = plan;
    this.now = now;
    this.progress = progress;
    this.lanes = new Lanes(threadsPerApi);
    this.sharedPool = daemonPool("exportguard-shared", 16);
    this.shared = new SharedAreas(clients, sharedPool);
    this.evaluators = daemonPool("exportguard-evaluate", evaluationThreads);
  }

  /**
   * Stops the audit within moments (Ctrl-C, SIGTERM): no new call starts, running ones are
   * interrupted, and no target is delivered after this; {@link #deliver} returns what it has.
   */
  public void stop() {
    stopping = true;
    lanes.close();
    sharedPool.shutdownNow();
  }

  public boolean stopped() { return stopping; }

  /** The audited account's id (after {@link #deliver}; {@code unknown} when STS could not say). */
  public String accountId() { return accountId; }

  @Override
  public void deliver(Sink sink) throws InterruptedException {
    this.sink = sink;
    try {
      String account = account();
      accountId = account;
      DescribeRegionsResponse regions = regions();
      List<String> audited = auditedRegions(regions);
      progress.regionsTotal.set(audited.size());
      Context ctx = new Context(account, new TargetDocs(account, plan.roleName(), plan.hasBuckets()),
          memo(() -> shared.role(plan.roleName())), regions,
          new Semaphore(Math.max(IMAGES_IN_FLIGHT, 150 * audited.size())));
      List<CompletableFuture<?>> work = new ArrayList<>();
      History history = new History(this, ctx);
      // The history first: its DescribeTaskAttribute calls, one per export, are the longest chain
      // of calls of one API, and each waits for its region's DescribeTasks.
      for (String region : audited) work.add(history.region(region));
      for (String region : audited) {
        if (plan.shard().owns(account, region, "region")) work.add(region(ctx, region));
        work.add(new RegionImages(this, ctx, region).run());
        if (plan.bucketFor(region) != null && plan.shard().owns(account, region, "bucket:" + plan.bucketFor(region))) {
          work.add(destination(ctx, region, plan.bucketFor(region)));
        }
      }
      if (plan.shard().owns(account, "", "account")) {
        progress.targetsFound.incrementAndGet();
        work.add(ctx.role.get().thenAccept(role -> deliverTarget(ctx.docs.account(role, List.of()))));
      }
      work.add(new Identities(this, ctx).run());
      await(CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)));
    } finally {
      evaluators.shutdown();
      // Targets already handed over are decided to the end; after a stop, only those already running.
      evaluators.awaitTermination(stopping ? 5 : 3600, TimeUnit.SECONDS);
      lanes.close();
      sharedPool.shutdownNow();
      for (FactError e : runErrors) sink.error(e);
    }
  }

  /** Waits for the work, returning early once the audit is stopped. */
  private void await(CompletableFuture<?> all) throws InterruptedException {
    while (true) {
      try {
        all.get(200, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        if (stopping) return;
      } catch (ExecutionException e) {
        // Every stage records its own failures; an escaped one still may not go unnoticed.
        if (!stopping) runError("-", "-", "InternalError", "an audit stage failed: " + e.getCause());
        return;
      }
    }
  }

  /** The audited account's id (STS GetCallerIdentity); sharding and labels key on it. */
  private String account() {
    try {
      return CallerIdentity.ask(clients).accountId();
    } catch (ApiException e) {
      runError("account", e);
      return "unknown";
    }
  }

  private DescribeRegionsResponse regions() {
    try {
      return shared.regions(plan.regions() == null || plan.regions().isEmpty() ? "cn-hangzhou" : plan.regions().get(0));
    } catch (ApiException e) {
      runError("region", e);
      return null;
    }
  }

  /**
   * {@code --regions}, each checked against DescribeRegions (one it does not list is a run error and
   * is not audited), or every region it lists. Without DescribeRegions, the named regions are still
   * audited (their region facts are errors); with none named, there is nothing to audit.
   */
  private List<String> auditedRegions(DescribeRegionsResponse regions) {
    List<String> known = regions == null ? null
        : regions.getRegions().stream().map(DescribeRegionsResponse.Region::getRegionId).sorted().toList();
    if (plan.regions() == null) return known == null ? List.of() : known;
    List<String> out = new ArrayList<>();
    for (String r : plan.regions()) {
      if (known != null && !known.contains(r)) {
        runError("region", "ecs:DescribeRegions", "InvalidRegionId.NotFound", "region " + r
            + " is not among the regions this account can use (" + String.join(", ", known) + "); it was not audited");
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private CompletableFuture<Void> region(Context ctx, String region) {
    progress.targetsFound.incrementAndGet();
    return ctx.tasks(region).thenAccept(tasks ->
        deliverTarget(ctx.docs.region(region, ctx.region(region), tasks, ctx.regionErrors(region))));
  }

  private CompletableFuture<Void> destination(Context ctx, String region, String bucket) {
    progress.targetsFound.incrementAndGet();
    return ctx.role.get().thenCombine(ctx.bucket(region, bucket), (role, b) -> {
      deliverTarget(ctx.docs.destination(region, ctx.region(region), bucket, role, b, ctx.regionErrors(region)));
      return null;
    });
  }

  // ----------------------------------------------------------------------------------------------
  // What the parts share.
  // ----------------------------------------------------------------------------------------------

  /** What every part of one audit run shares: the account, the documents, the shared areas. */
  final class Context {
    final String account;
    final TargetDocs docs;
    final Supplier<CompletableFuture<Gathered<RoleFacts>>> role;
    final DescribeRegionsResponse regions;
    final Semaphore imagesInFlight;
    private final Map<String, CompletableFuture<Gathered<io.exportguard.facts.BucketFacts>>> buckets =
        new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Gathered<TaskFacts>>> tasks = new ConcurrentHashMap<>();

    Context(String account, TargetDocs docs, Supplier<CompletableFuture<Gathered<RoleFacts>>> role,
            DescribeRegionsResponse regions, Semaphore imagesInFlight) {
      this.account = account;
      this.docs = docs;
      this.role = role;
      this.regions = regions;
      this.imagesInFlight = imagesInFlight;
    }

    /** The region's facts, or null when DescribeRegions failed. */
    RegionFacts region(String region) {
      return regions == null ? null : SharedAreas.region(region, regions);
    }

    /** The region error every target of the region carries when DescribeRegions failed. */
    List<FactError> regionErrors(String region) {
      return regions != null ? List.of() : List.of(new FactError("region", "ecs:DescribeRegions", "Unavailable",
          "the regions could not be listed, so region " + region + " is unconfirmed"));
    }

    /** The bucket's facts, signed for the region, gathered once per region and bucket. */
    CompletableFuture<Gathered<io.exportguard.facts.BucketFacts>> bucket(String region, String bucket) {
      return buckets.computeIfAbsent(region + "/" + bucket, k -> shared.bucket(region, bucket));
    }

    /** The region's export tasks (area tasks), gathered once per region. */
    CompletableFuture<Gathered<TaskFacts>> tasks(String region) {
      return tasks.computeIfAbsent(region, r -> shared.tasks(r, now));
    }
  }

  AuditPlan plan() { return plan; }

  Instant now() { return now; }

  AuditProgress progress() { return progress; }

  Lanes lanes() { return lanes; }

  CloudClients clients() { return clients; }

  SharedAreas shared() { return shared; }

  boolean stopping() { return stopping; }

  /** Hands a complete target to an evaluation thread; nothing is delivered once the audit is stopped. */
  void deliverTarget(TargetFacts target) {
    deliverTarget(target, null);
  }

  /** As {@link #deliverTarget(TargetFacts)}, running {@code after} once it is decided (or dropped). */
  void deliverTarget(TargetFacts target, Runnable after) {
    try {
      evaluators.execute(() -> {
        try {
          if (!stopping) {
            sink.target(target);
            progress.targetsDecided.incrementAndGet();
          }
        } finally {
          if (after != null) after.run();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      if (after != null) after.run();
    }
  }

  void runError(String area, ApiException e) {
    runError(area, e.api(), e.code(), e.getMessage());
  }

  /** A failure that belongs to no single target (an interrupted stage is no failure of the account). */
  void runError(String area, String api, String code, String message) {
    if (stopping && "Interrupted".equals(code)) return;
    runErrors.add(new FactError(area, api, code, message));
  }

  /** The ApiException behind a failed stage. */
  static ApiException cause(Throwable t, String api) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c instanceof ApiException a ? a
        : new ApiException(api, c.getClass().getSimpleName(), String.valueOf(c.getMessage()), false);
  }

  /** A value computed once, on first use. */
  static <T> Supplier<T> memo(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) value = supplier.get();
        return value;
      }
    };
  }

  private static ExecutorService daemonPool(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
