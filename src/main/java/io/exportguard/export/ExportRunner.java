package io.exportguard.export;

import com.aliyun.oss.model.ObjectMetadata;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeResponse;
import com.aliyuncs.ecs.model.v20140526.ExportImageRequest;
import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.CloudClients;
import io.exportguard.cloud.ExportTasks;
import io.exportguard.facts.Request;
import io.exportguard.facts.TaskFacts;
import io.exportguard.report.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs ExportImage with exactly the request that was checked, and optionally follows the task with
 * DescribeTaskAttribute (backing off between polls, printing a progress line when it changes) until
 * it finishes, fails or the wait times out; then confirms every object the task names in OSS.
 */
public final class ExportRunner {
  /** Task states after which polling stops. */
  private static final Set<String> FAILED = Set.of("Failed", "CreateFailed", "UnAvailable", "Cancelled", "Canceled");
  /** The status of an export whose start could be neither confirmed nor ruled out. */
  public static final String UNKNOWN = "Unknown";
  /** How long to look for the task of an ExportImage call that got no clear answer: it may appear late. */
  static final Duration LOOKUP_WINDOW = Duration.ofSeconds(5);
  /** Tasks created this long before the call still count as its own: the service's clock is not ours. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /** Sleeps between polls; replaced in tests. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final CloudClients clients;
  private final PrintWriter progress;
  private final Sleeper sleeper;
  private final Duration firstPoll;
  private final Duration maxPoll;
  private final Duration lookupWindow;

  public ExportRunner(CloudClients clients, PrintWriter progress) {
    this(clients, progress, Thread::sleep, Duration.ofMillis(500), Duration.ofSeconds(15));
  }

  public ExportRunner(CloudClients clients, PrintWriter progress, Sleeper sleeper, Duration firstPoll, Duration maxPoll) {
    this(clients, progress, sleeper, firstPoll, maxPoll, LOOKUP_WINDOW);
  }

  /** @param lookupWindow how long to keep looking for the task of an ExportImage call that got no clear answer */
  public ExportRunner(CloudClients clients, PrintWriter progress, Sleeper sleeper, Duration firstPoll, Duration maxPoll,
                      Duration lookupWindow) {
    this.clients = clients;
    this.progress = progress;
    this.sleeper = sleeper;
    this.firstPoll = firstPoll;
    this.maxPoll = maxPoll;
    this.lookupWindow = lookupWindow;
  }

  /**
   * How an ExportImage call ended. {@code taskId} is set when a task exists: started, or found after
   * an unclear answer; {@code problem} is null only when the call answered with a task id.
   *
   * @param status {@code Started}; the found task's own status; {@code Rejected: <code>} when the
   *     service refused the call (no task); {@code Unknown} when no answer came and no task was found
   */
  public record Launch(String taskId, String status, String problem) {
    public boolean started() { return problem == null; }
  }

  /**
   * Starts the export; refuses when the image is already being exported. When ExportImage gives no
   * clear answer (a timeout, a transport or server error) the task may exist all the same: it is
   * looked up (DescribeTasks for this image) and reported as found, or as {@code Unknown}; never as
   * failed, since no task was seen to fail.
   *
   * @throws ApiException when the check for an export in progress could not be made (nothing was called)
   */
  public Launch start(Request r) throws ApiException, ExportRefusedException {
    List<TaskFacts.Task> running = ExportTasks.inProgress(clients, r.regionId(), r.imageId());
    if (!running.isEmpty()) {
      throw new ExportRefusedException("image " + r.imageId() + " is already being exported (task "
          + running.get(0).taskId() + "); not starting a second export");
    }
    ExportImageRequest req = new ExportImageRequest();
    req.setImageId(r.imageId());
    req.setOSSBucket(r.ossBucket());
    if (r.ossPrefix() != null) req.setOSSPrefix(r.ossPrefix());
    if (r.imageFormat() != null) req.setImageFormat(r.imageFormat());
    if (r.roleName() != null) req.setRoleName(r.roleName());
    Instant calledAt = Instant.now();
    try {
      return new Launch(clients.ecsCreate("ExportImage", r.regionId(), req).getTaskId(), "Started", null);
    } catch (ApiException e) {
      if (e.rejected()) {
        return new Launch(null, "Rejected: " + e.code(), "ExportImage was rejected: " + e.code() + ": " + e.getMessage());
      }
      return lookUp(r, calledAt, e);
    }
  }

  /** After an unclear ExportImage failure: the newest task for the image since the call, polled for a while. */
  private Launch lookUp(Request r, Instant calledAt, ApiException failure) {
    String unclear = "ExportImage gave no clear answer (" + failure.code() + ": " + failure.getMessage() + ")";
    long deadline = System.nanoTime() + lookupWindow.toNanos();
    long wait = firstPoll.toMillis();
    String lookupProblem = null;
    while (true) {
      try {
        List<TaskFacts.Task> found = ExportTasks.createdSince(clients, r.regionId(), r.imageId(),
            calledAt.minus(CLOCK_SKEW));
        if (!found.isEmpty()) {
          TaskFacts.Task newest = found.stream()
              .max(Comparator.comparing((TaskFacts.Task t) -> t.createdAt() == null ? "" : t.createdAt())).get();
          String status = newest.status() == null ? UNKNOWN : newest.status();
          return new Launch(newest.taskId(), status, unclear + "; the export started all the same: task "
              + newest.taskId() + " is " + status);
        }
        lookupProblem = null;
      } catch (ApiException e) {
        lookupProblem = "looking for its task failed too (" + e.code() + ": " + e.getMessage() + ")";
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) break;
      try {
        sleeper.sleep(Math.min(wait, left));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
      wait = Math.min(maxPoll.toMillis(), wait * 2);
    }
    return new Launch(null, UNKNOWN, unclear + "; " + (lookupProblem != null ? lookupProblem
        : "no task for image " + r.imageId() + " was found within " + lookupWindow.toSeconds() + " s")
        + ", so whether the export started is unknown");
  }

  /** How following a task ended. */
  public record Outcome(String status, List<Report.ExportedObject> objects, String problem) {
    public boolean succeeded() { return problem == null; }
  }

  /** Polls the task until it ends or {@code timeout} passes, then verifies its objects. */
  public Outcome follow(Request r, String taskId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long wait = firstPoll.toMillis();
    String lastLine = null;
    while (true) {
      DescribeTaskAttributeResponse t;
      try {
        DescribeTaskAttributeRequest req = new DescribeTaskAttributeRequest();
        req.setTaskId(taskId);
        t = clients.ecs("DescribeTaskAttribute", r.regionId(), req);
      } catch (ApiException e) {
        return new Outcome("Unknown", List.of(), "DescribeTaskAttribute failed: " + e.code() + ": " + e.getMessage());
      }
      String status = t.getTaskStatus() == null ? "Unknown" : t.getTaskStatus();
      String line = "export " + taskId + ": " + status + (t.getTaskProcess() == null ? "" : " " + t.getTaskProcess());
      if (!line.equals(lastLine)) {
        progress.println(line);
        progress.flush();
        lastLine = line;
      }
      if (status.equals("Finished")) return verify(r, taskId, t);
      if (FAILED.contains(status)) return new Outcome(status, List.of(), "the export task ended " + status + errors(t));
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return new Outcome(status, List.of(), "the export task was still " + status + " after "
            + timeout.toSeconds() + " s; it keeps running");
      }
      sleeper.sleep(Math.min(wait, left));
      wait = Math.min(maxPoll.toMillis(), wait * 3 / 2 + 1);
    }
  }

  private Outcome verify(Request r, String taskId, DescribeTaskAttributeResponse t) {
    List<String> keys = objectKeys(t);
    if (keys.isEmpty()) return new Outcome("Finished", List.of(), "the finished task names no exported object");
    List<Report.ExportedObject> objects = new ArrayList<>();
    for (String key : keys) {
      try {
        ObjectMetadata m = clients.oss("GetObjectMeta", r.regionId(), oss -> oss.getObjectMetadata(r.ossBucket(), key));
        objects.add(new Report.ExportedObject(key, m.getContentLength(), m.getETag()));
      } catch (ApiException e) {
        return new Outcome("Finished", objects, "exported object " + key + " is not in bucket " + r.ossBucket() + ": "
            + e.code());
      }
    }
    return new Outcome("Finished", List.copyOf(objects), null);
  }

  /** The object names the task's related items carry ({@code OSSObject}), in order, without duplicates. */
  static List<String> objectKeys(DescribeTaskAttributeResponse t) {
    Set<String> keys = new LinkedHashSet<>();
    if (t.getOperationProgressSet() == null) return List.of();
    for (DescribeTaskAttributeResponse.OperationProgress p : t.getOperationProgressSet()) {
      if (p.getRelatedItemSet() == null) continue;
      for (DescribeTaskAttributeResponse.OperationProgress.RelatedItem item : p.getRelatedItemSet()) {
        String name = item.getName() == null ? "" : item.getName().toLowerCase(Locale.ROOT);
        if ((name.equals("ossobject") || name.equals("ossobjects")) && item.getValue() != null) {
          for (String v : item.getValue().split(",")) if (!v.isBlank()) keys.add(v.trim());
        }
      }
    }
    return List.copyOf(keys);
  }

  private static String errors(DescribeTaskAttributeResponse t) {
    if (t.getOperationProgressSet() == null) return "";
    StringBuilder sb = new StringBuilder();
    for (DescribeTaskAttributeResponse.OperationProgress p : t.getOperationProgressSet()) {
      if (p.getErrorCode() != null && !p.getErrorCode().isEmpty()) {
        sb.append(sb.length() == 0 ? ": " : "; ").append(p.getErrorCode());
        if (p.getErrorMsg() != null) sb.append(" ").append(p.getErrorMsg());
      }
    }
    return sb.toString();
  }

  /** What to tell a user when whether an export started is unknown: how to find its task, and cancel it. */
  public static String howToFind(String regionId, String imageId) {
    return "whether an export of " + imageId + " started is unknown; look for its task before trying again.\n"
        + "  find it:   aliyun ecs DescribeTasks --RegionId " + regionId + " --TaskAction ExportImage --ResourceIds.1 "
        + imageId + "\n"
        + "  cancel it: aliyun ecs CancelTask --RegionId " + regionId + " --TaskId <TaskId from that list>";
  }

  /** What to tell a user who interrupts the wait: the task keeps running. */
  public static String howToFollow(String regionId, String taskId) {
    return "export task " + taskId + " keeps running in " + regionId + ".\n"
        + "  follow it: aliyun ecs DescribeTaskAttribute --RegionId " + regionId + " --TaskId " + taskId + "\n"
        + "  cancel it: aliyun ecs CancelTask --RegionId " + regionId + " --TaskId " + taskId;
  }
}
