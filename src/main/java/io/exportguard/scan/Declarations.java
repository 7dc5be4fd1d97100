package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.ImageFacts;
import io.exportguard.facts.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scanned files declare about an export, whatever they are written in (a Terraform plan, a
 * ROS template, bare policy files): roles, policies and their attachments, buckets and their
 * settings, images, and the exports themselves. Readers add to it; the {@link FactsAssembler} turns
 * it into one facts document per export. Every value is a {@link Fact}: known, or unknown with why.
 * A {@code key} identifies a declaration within the scan (the file and the resource's address), so
 * references resolved by a reader survive names that are known only after apply.
 */
public final class Declarations {

  /**
   * A RAM role. {@code exists}: whether it exists once the files are applied (false: the plan deletes
   * it; unknown: a template creates it only under a condition). {@code existedBefore}: it exists
   * before the plan runs, so policies attached outside the files may apply too.
   */
  public record Role(String key, Fact<String> name, Fact<JsonNode> trustPolicy, String trustText, Fact<String> arn,
                     Fact<Boolean> exists, boolean existedBefore, SourceLocation at) {}

  /** A custom RAM policy and its document. */
  public record Policy(String key, Fact<String> name, Fact<JsonNode> document, String documentText, SourceLocation at) {}

  /**
   * A policy attached to a role. {@code roleKey}/{@code policyKey} name the declarations a reference
   * resolved to (null when the attachment names them only by name).
   */
  public record Attachment(Fact<String> roleName, String roleKey, Fact<String> policyName, String policyKey,
                           Fact<String> policyType, SourceLocation at) {}

  /**
   * An OSS bucket with the settings declared on it (inline arguments or template properties);
   * settings declared by resources of their own are {@link BucketSetting}s.
   *
   * @param acl null value: not declared (the service's default applies to a new bucket)
   * @param policy known null: the bucket has no policy
   */
  public record Bucket(String key, Fact<String> name, Fact<String> regionId, Fact<String> acl, Fact<JsonNode> policy,
                       String policyText, Fact<BucketFacts.Encryption> encryption, Fact<String> versioning,
                       Fact<String> storageClass, Fact<Boolean> exists, boolean existedBefore, SourceLocation at) {}

  /** What a bucket setting resource sets. */
  public enum Setting { ACL, POLICY, ENCRYPTION }

  /**
   * A resource that sets one setting of a bucket (alicloud_oss_bucket_acl, _policy,
   * _server_side_encryption); {@code value} is a String (ACL), a policy JsonNode, or an Encryption.
   */
  public record BucketSetting(Setting setting, Fact<String> bucketName, String bucketKey, Fact<Object> value,
                              String text, boolean destroyed, SourceLocation at) {}

  /** A custom image the files create. */
  public record Image(String key, Fact<String> id, Fact<String> name, Fact<String> description, Fact<String> platform,
                      Fact<String> architecture, Fact<List<ImageFacts.Disk>> disks, SourceLocation at) {}

  /** An ExportImage request the files declare (alicloud_image_export). */
  public record Export(String key, String label, Fact<String> regionId, Fact<String> imageId, String imageKey,
                       Fact<String> bucket, String bucketKey, Fact<String> prefix, SourceLocation at) {}

  /** An account id a file establishes (a data source that read it, a role whose ARN is known). */
  public record Account(String id, SourceLocation at) {}

  public final List<Role> roles = new ArrayList<>();
  public final List<Policy> policies = new ArrayList<>();
  public final List<Attachment> attachments = new ArrayList<>();
  public final List<Bucket> buckets = new ArrayList<>();
  public final List<BucketSetting> bucketSettings = new ArrayList<>();
  public final List<Image> images = new ArrayList<>();
  public final List<Export> exports = new ArrayList<>();
  public final List<Account> accounts = new ArrayList<>();

  /** Adds everything another file declared. */
  public void addAll(Declarations other) {
    roles.addAll(other.roles);
    policies.addAll(other.policies);
    attachments.addAll(other.attachments);
    buckets.addAll(other.buckets);
    bucketSettings.addAll(other.bucketSettings);
    images.addAll(other.images);
    exports.addAll(other.exports);
    accounts.addAll(other.accounts);
  }

  /** How many declarations of each kind, for the scan's scope statement. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    count(parts, exports.size(), "export");
    count(parts, roles.size(), "role");
    count(parts, policies.size(), "policy", "policies");
    count(parts, attachments.size(), "attachment");
    count(parts, buckets.size(), "bucket");
    count(parts, bucketSettings.size(), "bucket setting");
    count(parts, images.size(), "image");
    return parts.isEmpty() ? "nothing an export uses" : String.join(", ", parts);
  }

  private static void count(List<String> parts, int n, String one) { count(parts, n, one, one + "s"); }

  private static void count(List<String> parts, int n, String one, String many) {
    if (n > 0) parts.add(n + " " + (n == 1 ? one : many));
  }
}
