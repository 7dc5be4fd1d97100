package io.exportguard.sandbox.state;

import java.time.Instant;
import java.util.List;

/**
 * One ECS task as DescribeTasks shows it. Tasks from the scenario keep the status they were given;
 * export tasks the sandbox creates ({@code export != null}) move Processing → Finished when their
 * time is up, and their objects appear in the bucket at that moment.
 */
public final class TaskRecord {
  /** What a successful ExportImage will write: one object per disk. */
  public record ExportPlan(String bucket, String format, List<PlannedObject> objects) {}

  public record PlannedObject(String key, long size, String diskDevice) {}

  private final String id;
  private final String action;
  private final String imageId;
  private final String regionId;
  private final Instant createdAt;
  private final Instant dueAt;
  private final ExportPlan export;
  private String status;
  private Instant finishedAt;

  TaskRecord(String id, String action, String imageId, String regionId, String status, Instant createdAt, Instant dueAt,
      ExportPlan export) {
    this.id = id;
    this.action = action;
    this.imageId = imageId;
    this.regionId = regionId;
    this.status = status;
    this.createdAt = createdAt;
    this.dueAt = dueAt;
    this.export = export;
    if (!status.equals("Processing") && !status.equals("Waiting")) {
      this.finishedAt = createdAt;
    }
  }

  public String id() {
    return id;
  }

  public String action() {
    return action;
  }

  public String imageId() {
    return imageId;
  }

  public String regionId() {
    return regionId;
  }

  public synchronized String status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public synchronized Instant finishedAt() {
    return finishedAt;
  }

  /** When a sandbox export finishes; null for scenario tasks. */
  public Instant dueAt() {
    return dueAt;
  }

  public ExportPlan export() {
    return export;
  }

  public synchronized boolean inProgress() {
    return status.equals("Processing") || status.equals("Waiting");
  }

  synchronized void finish(String newStatus, Instant at) {
    status = newStatus;
    finishedAt = at;
  }

  /** Progress as the API shows it, e.g. {@code "40%"}. */
  public synchronized String progress(Instant now) {
    if (status.equals("Finished")) {
      return "100%";
    }
    if (dueAt == null || !inProgress()) {
      return "0%";
    }
    long total = Math.max(1, dueAt.toEpochMilli() - createdAt.toEpochMilli());
    long done = Math.max(0, now.toEpochMilli() - createdAt.toEpochMilli());
    return Math.min(99, done * 100 / total) + "%";
  }
}
