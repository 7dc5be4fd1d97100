package io.exportguard.audit;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an account audit covers, checked and complete before any call.
 *
 * @param regions the regions to audit, or null for every region DescribeRegions lists
 * @param images image id patterns ({@code *} any run of characters), or empty for every custom image
 * @param buckets the export bucket per region: {@code --bucket} for every audited region, or the
 *     {@code auditBuckets} map of the data; empty when none is given (bucket checks are then skipped)
 * @param roleName the export role whose posture is audited
 * @param since how far back the export history goes
 * @param shard the slice of targets this process decides
 * @param assumeRole the role ARN to audit as (another account), or null
 */
public record AuditPlan(List<String> regions, List<String> images, String bucket, Map<String, String> buckets,
                        String roleName, Duration since, Shard shard, String assumeRole) {
  public AuditPlan {
    regions = regions == null ? null : List.copyOf(regions);
    images = images == null ? List.of() : List.copyOf(images);
    buckets = buckets == null ? Map.of() : Map.copyOf(buckets);
    shard = shard == null ? Shard.ALL : shard;
  }

  /** The bucket exports from this region would go to, or null when none is given. */
  public String bucketFor(String regionId) {
    String mapped = buckets.get(regionId);
    return mapped != null ? mapped : bucket;
  }

  /** True when some bucket is given (destination targets exist). */
  public boolean hasBuckets() { return bucket != null || !buckets.isEmpty(); }

  /** Whether the image id is selected by {@code --images}. */
  public boolean selects(String imageId) {
    if (images.isEmpty()) return true;
    for (String p : images) {
      if (glob(p).matcher(imageId).matches()) return true;
    }
    return false;
  }

  private static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }
}
