package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The target bucket: GetBucketInfo, GetBucketLocation, GetBucketAcl, GetBucketPolicy and
 * GetBucketEncryption side by side. A bucket in another region answers AccessDenied with its
 * endpoint: then {@code exists} is true and location/regionId name that other region.
 *
 * @param encryption null when the bucketEncryption area was not gathered
 * @param policy the normalized bucket policy, null when none is set (or not gathered)
 * @param policyText the bucket policy as returned
 */
public record BucketFacts(String name, boolean exists, String location, String regionId, String acl,
                          String storageClass, Encryption encryption, String versioning,
                          JsonNode policy, String policyText) {

  /** Server-side encryption; algorithm is {@code none}, {@code AES256} or {@code KMS}. */
  public record Encryption(String algorithm, String kmsKeyId) {}

  public static BucketFacts missing(String name) {
    return new BucketFacts(name, false, null, null, null, null, null, null, null, null);
  }
}
