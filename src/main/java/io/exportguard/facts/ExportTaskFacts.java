package io.exportguard.facts;

import java.util.List;

/**
 * One ExportImage task of an account's history (area {@code exportTask}): DescribeTasks for the
 * task, DescribeTaskAttribute for where it wrote (the OSSBucket and OSSObject related items) and,
 * when it failed, the error code of its operations.
 *
 * @param objects the objects the task names, in order
 * @param errorCode the first error code of a failed operation, or null
 */
public record ExportTaskFacts(String taskId, String regionId, String imageId, String status, String createdAt,
                              String finishedAt, String ossBucket, String imageFormat, List<String> objects,
                              String errorCode, String errorMessage) {
  public ExportTaskFacts {
    objects = objects == null ? List.of() : List.copyOf(objects);
  }
}
