package io.exportguard.facts;

import java.util.List;

/**
 * The image to export, from DescribeImages, with its disks' snapshots from DescribeSnapshots.
 * A missing image is {@code exists: false} with the other fields null.
 *
 * @param dataDiskCount derived: the number of disks of type data
 */
public record ImageFacts(String id, boolean exists, String name, String description, String status,
                         String ownerAlias, String productCode, String osType, String platform,
                         String architecture, Integer sizeGiB, List<Tag> tags, List<Disk> disks,
                         int dataDiskCount) {

  public record Tag(String key, String value) {}

  /** One disk of the image; snapshot is null when the snapshots area was not gathered. */
  public record Disk(String device, String type, Integer sizeGiB, String snapshotId, Snapshot snapshot) {
    public Disk withSnapshot(Snapshot s) { return new Disk(device, type, sizeGiB, snapshotId, s); }
  }

  /** A disk's snapshot; {@code exists: false} when DescribeSnapshots did not return it. */
  public record Snapshot(String id, boolean exists, Boolean encrypted, String kmsKeyId, String productCode,
                         String status) {}

  public static ImageFacts missing(String id) {
    return new ImageFacts(id, false, null, null, null, null, null, null, null, null, null, List.of(), List.of(), 0);
  }

  public ImageFacts withDisks(List<Disk> newDisks) {
    return new ImageFacts(id, exists, name, description, status, ownerAlias, productCode, osType, platform,
        architecture, sizeGiB, tags, newDisks, dataDiskCount);
  }
}
