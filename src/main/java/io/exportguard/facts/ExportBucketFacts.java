package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bucket an export of the history wrote to (area {@code exportBucket}): whether the audited
 * account owns it (ListBuckets), and for its own buckets the ACL and bucket policy; for any other,
 * what GetBucketInfo says (another account's bucket refuses with AccessDenied; one that no longer
 * exists answers NoSuchBucket).
 *
 * @param owner {@code account} (among the account's own buckets), {@code other} (another account's),
 *     {@code none} (the bucket does not exist now)
 * @param ownerId the owning account's id when known
 */
public record ExportBucketFacts(String name, String owner, String ownerId, String regionId, String acl,
                                JsonNode policy, String policyText) {
  public static final String ACCOUNT = "account";
  public static final String OTHER = "other";
  public static final String NONE = "none";
}
