package io.exportguard.cloud;

import io.exportguard.facts.TaskFacts;
import java.util.List;

/** Asks, right before an export, whether the image is already being exported (closing the race since gathering). */
public final class ExportTasks {
  private ExportTasks() {}

  /** The image's ExportImage tasks now in progress. */
  public static List<TaskFacts.Task> inProgress(CloudClients clients, String regionId, String imageId)
      throws ApiException {
    TaskGatherer g = new TaskGatherer(clients, Runnable::run, new FactSink());
    return g.exportTasks(regionId, "Processing", null).stream().filter(t -> imageId.equals(t.imageId())).toList();
  }
}
