package io.exportguard.cloud;

import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsResponse;
import io.exportguard.facts.ImageFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account audit's view of a region's custom images: DescribeImages pages of 100 (owner
 * {@code self}, every status), and DescribeSnapshots for up to 100 snapshot ids at a time, whatever
 * images they belong to. One call per method, so the caller decides how the calls are scheduled.
 */
public final class ImageListing {
  /** DescribeImages' and DescribeSnapshots' largest page. */
  public static final int PAGE_SIZE = 100;

  /** One page: the service's total for the listing and the images on this page, without their snapshots. */
  public record Page(int pageNumber, int totalCount, List<ImageFacts> images) {}

  private final CloudClients clients;

  public ImageListing(CloudClients clients) {
    this.clients = clients;
  }

  /** Page {@code pageNumber} (1-based) of the region's own images, every status. */
  public Page page(String regionId, int pageNumber) throws ApiException {
    DescribeImagesRequest req = new DescribeImagesRequest();
    req.setImageOwnerAlias("self");
    req.setStatus(ImageGatherer.ALL_STATUSES);
    req.setShowExpired(true);
    req.setPageSize(PAGE_SIZE);
    req.setPageNumber(pageNumber);
    DescribeImagesResponse resp = clients.ecs("DescribeImages", regionId, req);
    List<ImageFacts> images = new ArrayList<>();
    for (DescribeImagesResponse.Image i : resp.getImages() == null ? List.<DescribeImagesResponse.Image>of() : resp.getImages()) {
      images.add(ImageGatherer.toFacts(i));
    }
    if (resp.getTotalCount() == null) {
      throw Listings.incomplete("ecs:DescribeImages", "the reply carries no TotalCount");
    }
    return new Page(pageNumber, resp.getTotalCount(), List.copyOf(images));
  }

  /** The snapshots with these ids (at most {@value #PAGE_SIZE}) by id; an id the service does not return is absent. */
  public Map<String, ImageFacts.Snapshot> snapshots(String regionId, List<String> ids) throws ApiException {
    if (ids.size() > PAGE_SIZE) throw new IllegalArgumentException("at most " + PAGE_SIZE + " snapshot ids per call");
    Map<String, ImageFacts.Snapshot> out = new HashMap<>();
    for (DescribeSnapshotsResponse.Snapshot s : ImageGatherer.describeSnapshots(clients, regionId, ids)) {
      out.put(s.getSnapshotId(), ImageGatherer.snapshot(s));
    }
    return out;
  }

  /** The image with its disks' snapshots (a disk whose snapshot was not returned gets {@code exists: false}). */
  public static ImageFacts withSnapshots(ImageFacts image, Map<String, ImageFacts.Snapshot> byId) {
    return ImageGatherer.withSnapshots(image, byId);
  }

  /** The distinct snapshot ids of the image's disks. */
  public static List<String> snapshotIds(ImageFacts image) {
    return image.disks().stream().map(ImageFacts.Disk::snapshotId).filter(s -> s != null).distinct().toList();
  }
}
