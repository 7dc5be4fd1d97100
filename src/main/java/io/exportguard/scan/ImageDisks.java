package io.exportguard.scan;

import io.exportguard.facts.ImageFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The disks of an image a file declares ({@code alicloud_image}, {@code ALIYUN::ECS::CustomImage}),
 * from what CreateImage is given, as the provider's and ROS's documented schemas describe it:
 * <ul>
 *   <li>a disk device mapping lists the disks; a disk whose type is not set takes it from its
 *       snapshot, and a data disk whose size is not set takes its snapshot's size, so either makes
 *       the disks unknown (a system disk's size is not needed: only data disks are limited);</li>
 *   <li>an instance gives the image one disk per disk of the instance: outside the files;</li>
 *   <li>a snapshot alone makes an image of one system disk and no data disk;</li>
 *   <li>a mapping known only after apply, or no source at all, leaves the disks unknown.</li>
 * </ul>
 */
final class ImageDisks {
  private ImageDisks() {}

  /** One entry of a disk device mapping; null fields are not set. */
  record Mapping(String device, String type, Integer sizeGiB, String snapshotId) {}

  /**
   * @param name the image's address or logical id, for the reasons
   * @param mapping the mapping's entries (known null or empty: none given)
   * @param instanceId the instance argument (known null: not given)
   * @param snapshotId the snapshot argument (known null: not given)
   */
  static Fact<List<ImageFacts.Disk>> of(String name, Fact<List<Mapping>> mapping, Fact<String> instanceId,
                                        Fact<String> snapshotId) {
    if (mapping.isPresent() && !mapping.value().isEmpty()) return fromMapping(name, mapping.value());
    if (instanceId.isPresent() || !instanceId.isKnown()) {
      return Fact.unknown("the disks of " + name + " are those of instance " + (instanceId.isPresent()
          ? instanceId.value() : "(known only after apply)") + ", outside the scanned files");
    }
    if (snapshotId.isPresent() || !snapshotId.isKnown()) {
      return Fact.known(List.of(new ImageFacts.Disk(null, "system", null, snapshotId.value(), null)));
    }
    if (!mapping.isKnown()) return Fact.unknown(mapping.reason());
    return Fact.unknown(name + " names no instance, snapshot or disk mapping to make the image from");
  }

  private static Fact<List<ImageFacts.Disk>> fromMapping(String name, List<Mapping> mapping) {
    List<ImageFacts.Disk> disks = new ArrayList<>();
    for (int n = 0; n < mapping.size(); n++) {
      Mapping m = mapping.get(n);
      String which = m.device() != null ? m.device() : "#" + (n + 1);
      if (m.type() == null) {
        return Fact.unknown("disk " + which + " of " + name + " has no disk type: it comes from its snapshot");
      }
      if (!m.type().equals("system") && m.sizeGiB() == null) {
        return Fact.unknown("data disk " + which + " of " + name + " has no size: it is its snapshot's");
      }
      disks.add(new ImageFacts.Disk(m.device(), m.type(), m.sizeGiB(), m.snapshotId(), null));
    }
    return Fact.known(disks);
  }
}
