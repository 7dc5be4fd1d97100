package io.exportguard.cloud;

import com.aliyuncs.ecs.model.v20140526.DescribeTasksRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTasksResponse;
import io.exportguard.facts.Area;
import io.exportguard.facts.TaskFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code tasks} area: ExportImage tasks in progress in the region, and those created in the
 * last seven days (the weekly quota's window), two DescribeTasks queries side by side.
 */
final class TaskGatherer {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 20;
  private static final Set<String> RUNNING = Set.of("Waiting", "Processing", "Pending", "Queued");
  private static final DateTimeFormatter ECS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final CloudClients clients;
  private final Executor executor;
  private final FactSink sink;

  TaskGatherer(CloudClients clients, Executor executor, FactSink sink) {
    this.clients = clients;
    this.executor = executor;
    this.sink = sink;
  }

  CompletableFuture<TaskFacts> gather(String regionId, Instant now) {
    var processing = Async.run(executor, () -> exportTasks(regionId, "Processing", null));
    var week = Async.run(executor, () -> exportTasks(regionId, null, now.minus(Duration.ofDays(7))));
    return processing.thenCombine(week, (inProgress, thisWeek) -> {
      Map<String, TaskFacts.Task> running = new LinkedHashMap<>();
      inProgress.forEach(t -> running.put(t.taskId(), t));
      thisWeek.stream().filter(t -> RUNNING.contains(t.status())).forEach(t -> running.putIfAbsent(t.taskId(), t));
      return new TaskFacts(List.copyOf(running.values()), thisWeek);
    }).exceptionally(failure -> {
      sink.error(Area.TASKS, Async.cause(failure, "ecs:DescribeTasks"));
      return null;
    });
  }

  /** Every ExportImage task of the region matching the status or start time, page by page. */
  List<TaskFacts.Task> exportTasks(String regionId, String status, Instant since) throws ApiException {
    return exportTasks(regionId, status, since, null);
  }

  /**
   * Every ExportImage task of the region matching the status, start time and image (each optional),
   * page by page. A listing that cannot be read to its end (more than {@link #MAX_PAGES} pages, or a
   * page that comes back short of the total the service announced) is an {@link ApiException} with
   * code {@value Listings#INCOMPLETE}, never a short list: a task missing from it could be the one
   * that blocks the export.
   */
  List<TaskFacts.Task> exportTasks(String regionId, String status, Instant since, String imageId)
      throws ApiException {
    List<TaskFacts.Task> out = new ArrayList<>();
    int seen = 0;
    for (int page = 1; ; page++) {
      DescribeTasksRequest req = new DescribeTasksRequest();
      req.setTaskAction("ExportImage");
      if (status != null) req.setTaskStatus(status);
      if (since != null) req.setStartTime(ECS_TIME.format(since));
      if (imageId != null) req.setResourceIdss(List.of(imageId));
      req.setPageSize(PAGE_SIZE);
      req.setPageNumber(page);
      DescribeTasksResponse resp = clients.ecs("DescribeTasks", regionId, req);
      List<DescribeTasksResponse.Task> tasks = resp.getTaskSet() == null ? List.of() : resp.getTaskSet();
      seen += tasks.size();
      for (DescribeTasksResponse.Task t : tasks) {
        if (t.getTaskAction() != null && !t.getTaskAction().equals("ExportImage")) continue;
        out.add(new TaskFacts.Task(t.getTaskId(), t.getResourceId(), t.getTaskStatus(), t.getCreationTime()));
      }
      Integer total = resp.getTotalCount();
      boolean lastPage = total == null ? tasks.size() < PAGE_SIZE : seen >= total;
      if (lastPage) return out;
      if (tasks.isEmpty()) {
        throw Listings.incomplete("ecs:DescribeTasks", "page " + page + " came back empty after " + seen + " of "
            + total + " tasks");
      }
      if (page == MAX_PAGES) {
        throw Listings.incomplete("ecs:DescribeTasks", "stopped after " + MAX_PAGES + " pages (" + seen + " of "
            + (total == null ? "more" : total) + " tasks)");
      }
    }
  }
}
