package io.exportguard.facts;

import java.util.List;

/** ExportImage tasks in the region: those in progress, and those created in the last seven days. */
public record TaskFacts(List<Task> exportsInProgress, List<Task> exportsThisWeek) {

  public record Task(String taskId, String imageId, String status, String createdAt) {}
}
