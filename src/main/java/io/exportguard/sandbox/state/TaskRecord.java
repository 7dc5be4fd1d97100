package io.exportguard.sandbox.state;

import io.exportguard.sandbox.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ECS task as DescribeTasks shows it. Tasks from the scenario keep the status they were given
 * (and, for an export that names its bucket, its plan and any error code); export tasks the sandbox
 * creates ({@code dueAt != null}) move Processing → Finished when their time is up, and their
 * objects appear in the bucket at that moment.
 */
public final class TaskRecord {
  /** What a successful ExportImage will write: one object per disk. */
  public record ExportPlan(String bucket, String format, List<PlannedObject> objects) {
    private static final long GIB = 1L << 30;

    /**
     * The objects an export of the image writes: {@code <prefix>_<imageId>_system.<ext>} and
     * {@code <prefix>_<imageId>_data-<device>.<ext>} ({@code <ext>} {@code raw.tar.gz} for raw, else the
     * format; no {@code <prefix>_} without a prefix), each the size of its disk.
     */
    public static ExportPlan of(Scenario.Image image, String bucket, String prefix, String format) {
      String ext = format.equals("raw") ? "raw.tar.gz" : format;
      String base = (prefix == null ? "" : prefix + "_") + image.id() + "_";
      List<PlannedObject> objects = new ArrayList<>();
      Scenario.Disk system = image.systemDisk();
      objects.add(new PlannedObject(base + "system." + ext, system.sizeGiB() * GIB, system.device()));
      for (Scenario.Disk d : image.dataDisks()) {
        String device = d.device().substring(d.device().lastIndexOf('/') + 1);
        objects.add(new PlannedObject(base + "data-" + device + "." + ext, d.sizeGiB() * GIB, d.device()));
      }
      return new ExportPlan(bucket, format, List.copyOf(objects));
    }
  }

  public record PlannedObject(String key, long size, String diskDevice) {}

  private final String id;
  private final String action;
  private final String imageId;
  private final String regionId;
  private final Instant createdAt;
  private final Instant dueAt;
  private final ExportPlan export;
  private final String errorCode;
  private final String errorMessage;
  private String status;
  private Instant finishedAt;

  TaskRecord(String id, String action, String imageId, String regionId, String status, Instant createdAt, Instant dueAt,
      ExportPlan export) {
    this(id, action, imageId, regionId, status, createdAt, dueAt, export, null, null);
  }

  TaskRecord(String id, String action, String imageId, String regionId, String status, Instant createdAt, Instant dueAt,
      ExportPlan export, String errorCode, String errorMessage) {
    this.id = id;
    this.action = action;
    this.imageId = imageId;
    this.regionId = regionId;
    this.status = status;
    this.createdAt = createdAt;
    this.dueAt = dueAt;
    this.export = export;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
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

  /** A failed task's error code, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** A failed task's error message, or null. */
  public String errorMessage() {
    return errorMessage;
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
