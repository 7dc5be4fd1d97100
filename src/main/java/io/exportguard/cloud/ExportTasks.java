package io.exportguard.cloud;

import io.exportguard.facts.TaskFacts;
import java.time.Instant;
import java.util.List;

/** The export step's questions about one image's ExportImage tasks, asked right when they matter. */
public final class ExportTasks {
  private ExportTasks() {}

  /** The image's ExportImage tasks now in progress (closing the race since gathering). */
  public static List<TaskFacts.Task> inProgress(CloudClients clients, String regionId, String imageId)
      throws ApiException {
    return new TaskGatherer(clients, Runnable::run, new FactSink()).exportTasks(regionId, "Processing", null, imageId)
        .stream().filter(t -> imageId.equals(t.imageId())).toList();
  }

  /**
   * The image's ExportImage tasks created at or after {@code since} (to the minute, the filter's
   * precision), in any status: after an ExportImage call that got no clear answer, the task it may
   * have started.
   */
  public static List<TaskFacts.Task> createdSince(CloudClients clients, String regionId, String imageId, Instant since)
      throws ApiException {
    return new TaskGatherer(clients, Runnable::run, new FactSink()).exportTasks(regionId, null, since, imageId)
        .stream().filter(t -> imageId.equals(t.imageId())).toList();
  }
}
