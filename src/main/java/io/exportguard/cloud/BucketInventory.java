package io.exportguard.cloud;

import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.ListBucketsRequest;
import java.util.List;

/**
 * The buckets an account owns (ListBuckets, a page of up to {@value #MAX_KEYS} per call), and what
 * GetBucketInfo says about one it may not own: an audit asks this of each bucket its export history
 * wrote to.
 */
public final class BucketInventory {
  public static final int MAX_KEYS = 1000;

  /** One page: the account's buckets on it (name and region) and the marker of the next, null on the last. */
  public record Page(List<OwnBucket> buckets, String nextMarker) {}

  public record OwnBucket(String name, String regionId) {}

  /** What GetBucketInfo answered for a bucket: its owner and region, or the refusal. */
  public record Info(boolean exists, boolean readable, String ownerId, String regionId, String code) {}

  private final CloudClients clients;

  public BucketInventory(CloudClients clients) {
    this.clients = clients;
  }

  /** One page of the account's own buckets, signed for {@code regionId} (ListBuckets is not regional). */
  public Page page(String regionId, String marker) throws ApiException {
    BucketList list = clients.oss("ListBuckets", regionId, oss -> oss.listBuckets(new ListBucketsRequest(null, marker, MAX_KEYS)));
    List<OwnBucket> buckets = list.getBucketList().stream()
        .map(b -> new OwnBucket(b.getName(), BucketGatherer.regionOf(b.getLocation()))).toList();
    if (!list.isTruncated()) return new Page(buckets, null);
    String next = list.getNextMarker();
    if (next == null || next.isEmpty() || next.equals(marker)) {
      throw Listings.incomplete("oss:ListBuckets", "IsTruncated is true but the reply names no new NextMarker");
    }
    return new Page(buckets, next);
  }

  /**
   * GetBucketInfo, signed for {@code regionId}: {@code NoSuchBucket} means it does not exist;
   * {@code AccessDenied} without an Endpoint means its owner does not let this account read it
   * (another account's bucket). Any other failure is an {@link ApiException}.
   */
  public Info info(String regionId, String bucket) throws ApiException {
    try {
      BucketInfo info = clients.oss("GetBucketInfo", regionId, oss -> oss.getBucketInfo(bucket));
      String owner = info.getBucket().getOwner() == null ? null : info.getBucket().getOwner().getId();
      return new Info(true, true, owner, BucketGatherer.regionOf(info.getBucket().getLocation()), null);
    } catch (ApiException e) {
      if (e.code().equals("NoSuchBucket")) return new Info(false, false, null, null, e.code());
      if (e.code().equals("AccessDenied") && !e.fields().containsKey("Endpoint")) {
        return new Info(true, false, null, null, e.code());
      }
      throw e;
    }
  }
}
