package io.exportguard.cloud;

import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeResponse;
import io.exportguard.facts.ExportTaskFacts;
import io.exportguard.facts.TaskFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an ExportImage task of the history wrote: DescribeTaskAttribute, one call per task. Its
 * operations name the bucket, the objects and the format in their related items, and a failed
 * one its error code (EXPORTIMAGE.md §1.4–1.5).
 */
public final class ExportHistory {
  private final CloudClients clients;

  public ExportHistory(CloudClients clients) {
    this.clients = clients;
  }

  /** The task's full record, from the DescribeTasks entry and its DescribeTaskAttribute. */
  public ExportTaskFacts task(String regionId, TaskFacts.Task listed) throws ApiException {
    DescribeTaskAttributeRequest req = new DescribeTaskAttributeRequest();
    req.setTaskId(listed.taskId());
    DescribeTaskAttributeResponse r = clients.ecs("DescribeTaskAttribute", regionId, req);
    String bucket = null;
    String format = null;
    String errorCode = null;
    String errorMessage = null;
    List<String> objects = new ArrayList<>();
    for (DescribeTaskAttributeResponse.OperationProgress op : nonNull(r.getOperationProgressSet())) {
      for (DescribeTaskAttributeResponse.OperationProgress.RelatedItem item : nonNull(op.getRelatedItemSet())) {
        String v = item.getValue();
        if (v == null || v.isEmpty()) continue;
        switch (String.valueOf(item.getName())) {
          case "OSSBucket" -> bucket = bucket == null ? v : bucket;
          case "OSSObject" -> objects.add(v);
          case "ImageFormat" -> format = format == null ? v : format;
          default -> { }
        }
      }
      if (errorCode == null && op.getErrorCode() != null && !op.getErrorCode().isEmpty()) {
        errorCode = op.getErrorCode();
        errorMessage = op.getErrorMsg();
      }
    }
    String status = r.getTaskStatus() != null ? r.getTaskStatus() : listed.status();
    return new ExportTaskFacts(listed.taskId(), regionId, listed.imageId(), status,
        r.getCreationTime() != null ? r.getCreationTime() : listed.createdAt(), emptyToNull(r.getFinishedTime()),
        bucket, format, objects, errorCode, errorMessage);
  }

  private static <T> List<T> nonNull(List<T> list) { return list == null ? List.of() : list; }

  private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
