package io.exportguard.cloud;

import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsResponse;
import io.exportguard.facts.Area;
import io.exportguard.facts.ImageFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The {@code image} and {@code snapshots} areas: DescribeImages (every status, every owner, so a
 * Creating or Marketplace image is seen as what it is), then DescribeSnapshots for its disks in
 * batches of 100 ids, the batches side by side.
 */
final class ImageGatherer {
  /** DescribeImages' default is Available only; ask for every status. */
  static final String ALL_STATUSES = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated";
  static final int SNAPSHOT_BATCH = 100;
  /** A disk without a snapshot id still gets a snapshot object, so policies see every disk the same way. */
  static final ImageFacts.Snapshot NO_SNAPSHOT = new ImageFacts.Snapshot(null, false, null, null, null, null);

  private final CloudClients clients;
  private final Executor executor;
  private final FactSink sink;

  ImageGatherer(CloudClients clients, Executor executor, FactSink sink) {
    this.clients = clients;
    this.executor = executor;
    this.sink = sink;
  }

  /** Completes with the image (null when its area failed), snapshots filled in where gathered. */
  CompletableFuture<ImageFacts> gather(String regionId, String imageId) {
    return Async.run(executor, () -> describeImage(regionId, imageId))
        .handle((image, failure) -> {
          if (failure == null) return image;
          ApiException e = Async.cause(failure, "ecs:DescribeImages");
          if (e.code().startsWith("InvalidImageId.NotFound")) return ImageFacts.missing(imageId);
          sink.error(Area.IMAGE, e);
          sink.skip(Area.SNAPSHOTS, "the image could not be described");
          return null;
        })
        .thenComposeAsync(image -> {
          if (image == null) return CompletableFuture.completedFuture(null);
          if (!image.exists()) {
            sink.skip(Area.SNAPSHOTS, "image " + imageId + " does not exist");
            return CompletableFuture.completedFuture(image);
          }
          return withSnapshots(regionId, image);
        }, executor);
  }

  private ImageFacts describeImage(String regionId, String imageId) throws ApiException {
    DescribeImagesRequest req = new DescribeImagesRequest();
    req.setImageId(imageId);
    req.setStatus(ALL_STATUSES);
    req.setShowExpired(true);
    req.setPageSize(10);
    DescribeImagesResponse resp = clients.ecs("DescribeImages", regionId, req);
    List<DescribeImagesResponse.Image> images = resp.getImages() == null ? List.of() : resp.getImages();
    for (DescribeImagesResponse.Image i : images) {
      if (imageId.equals(i.getImageId())) return toFacts(i);
    }
    if (resp.getTotalCount() != null && resp.getTotalCount() > images.size()) {
      // Not on the one page read, yet the service counts more: "missing" would be a guess.
      throw Listings.incomplete("ecs:DescribeImages", "image " + imageId + " is not among the " + images.size()
          + " of " + resp.getTotalCount() + " images returned");
    }
    return ImageFacts.missing(imageId);
  }

  static ImageFacts toFacts(DescribeImagesResponse.Image i) {
    List<ImageFacts.Tag> tags = i.getTags() == null ? List.of()
        : i.getTags().stream().map(t -> new ImageFacts.Tag(t.getTagKey(), t.getTagValue())).toList();
    List<ImageFacts.Disk> disks = new ArrayList<>();
    if (i.getDiskDeviceMappings() != null) {
      for (DescribeImagesResponse.Image.DiskDeviceMapping d : i.getDiskDeviceMappings()) {
        disks.add(new ImageFacts.Disk(d.getDevice(), d.getType(), parseInt(d.getSize()), emptyToNull(d.getSnapshotId()), null));
      }
    }
    int dataDisks = (int) disks.stream().filter(d -> "data".equals(d.type())).count();
    return new ImageFacts(i.getImageId(), true, i.getImageName(), i.getDescription(), i.getStatus(),
        i.getImageOwnerAlias(), nullToEmpty(i.getProductCode()), i.getOSType(), i.getPlatform(),
        i.getArchitecture(), i.getSize(), tags, disks, dataDisks);
  }

  private CompletableFuture<ImageFacts> withSnapshots(String regionId, ImageFacts image) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(image.disks().stream()
        .map(ImageFacts.Disk::snapshotId).filter(s -> s != null).toList()));
    if (ids.isEmpty()) return CompletableFuture.completedFuture(image.withDisks(image.disks().stream()
        .map(d -> d.withSnapshot(NO_SNAPSHOT)).toList()));
    List<CompletableFuture<List<DescribeSnapshotsResponse.Snapshot>>> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += SNAPSHOT_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + SNAPSHOT_BATCH));
      batches.add(Async.run(executor, () -> describeSnapshots(regionId, batch)));
    }
    return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).handle((ok, failure) -> {
      if (failure != null) {
        sink.error(Area.SNAPSHOTS, Async.cause(failure, "ecs:DescribeSnapshots"));
        return image;
      }
      Map<String, ImageFacts.Snapshot> byId = new HashMap<>();
      batches.forEach(b -> b.join().forEach(x -> byId.put(x.getSnapshotId(), snapshot(x))));
      return withSnapshots(image, byId);
    });
  }

  /** A snapshot as the facts hold it. */
  static ImageFacts.Snapshot snapshot(DescribeSnapshotsResponse.Snapshot s) {
    return new ImageFacts.Snapshot(s.getSnapshotId(), true, Boolean.TRUE.equals(s.getEncrypted()),
        emptyToNull(s.getKMSKeyId()), nullToEmpty(s.getProductCode()), s.getStatus());
  }

  /**
   * The image with each disk's snapshot from {@code byId}: a disk without a snapshot id gets
   * {@link #NO_SNAPSHOT}, one whose snapshot DescribeSnapshots did not return {@code exists: false}.
   */
  static ImageFacts withSnapshots(ImageFacts image, Map<String, ImageFacts.Snapshot> byId) {
    return image.withDisks(image.disks().stream().map(d -> {
      if (d.snapshotId() == null) return d.withSnapshot(NO_SNAPSHOT);
      ImageFacts.Snapshot s = byId.get(d.snapshotId());
      return d.withSnapshot(s == null ? new ImageFacts.Snapshot(d.snapshotId(), false, null, null, null, null) : s);
    }).toList());
  }

  /** One batch of ids, following NextToken (a batch fits one page, but the service decides). */
  List<DescribeSnapshotsResponse.Snapshot> describeSnapshots(String regionId, List<String> ids)
      throws ApiException {
    return describeSnapshots(clients, regionId, ids);
  }

  /** One batch of at most {@value #SNAPSHOT_BATCH} ids, following NextToken. */
  static List<DescribeSnapshotsResponse.Snapshot> describeSnapshots(CloudClients clients, String regionId,
                                                                    List<String> ids) throws ApiException {
    List<DescribeSnapshotsResponse.Snapshot> out = new ArrayList<>();
    String next = null;
    for (int page = 1; ; page++) {
      DescribeSnapshotsRequest req = new DescribeSnapshotsRequest();
      req.setSnapshotIds(ids.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]")));
      req.setMaxResults(SNAPSHOT_BATCH);
      if (next != null) req.setNextToken(next);
      DescribeSnapshotsResponse resp = clients.ecs("DescribeSnapshots", regionId, req);
      if (resp.getSnapshots() != null) out.addAll(resp.getSnapshots());
      next = resp.getNextToken();
      if (next == null || next.isEmpty()) return out;
      if (page == ids.size() + 1) {
        throw Listings.incomplete("ecs:DescribeSnapshots", "NextToken still set after " + page + " pages for "
            + ids.size() + " snapshot ids");
      }
    }
  }

  static Integer parseInt(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }

  static String nullToEmpty(String s) { return s == null ? "" : s; }
}
