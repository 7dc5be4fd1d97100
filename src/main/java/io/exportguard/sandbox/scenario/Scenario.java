package io.exportguard.sandbox.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A validated scenario: the whole simulated account the sandbox serves. Built only by
 * {@link ScenarioLoader}, so every reference (a disk's snapshot, a role's policies, an object's
 * bucket, a task's image) points at something that exists. Policy documents are kept as JSON
 * text because the APIs return them as strings.
 */
public record Scenario(
    String source,
    Account account,
    List<Region> regions,
    List<Image> images,
    List<Snapshot> snapshots,
    List<Role> roles,
    List<Policy> policies,
    List<User> users,
    List<Group> groups,
    List<Bucket> buckets,
    List<StoredObject> objects,
    List<Task> tasks,
    Quotas quotas,
    Behaviour behaviour,
    List<Fault> faults) {

  public record Account(String id, List<AccessKey> accessKeys) {}

  /** {@code securityToken} is null for a plain AccessKey pair. */
  public record AccessKey(String id, String secret, String securityToken) {}

  public record Region(String id, String localName, boolean exportSupported) {}

  public record Tag(String key, String value) {}

  public record Image(
      String id,
      String region,
      String name,
      String description,
      List<Tag> tags,
      String status,
      String ownerAlias,
      String productCode,
      String osType,
      String platform,
      String architecture,
      boolean licenseExportable,
      List<Disk> disks) {

    /** The system disk (validation guarantees exactly one). */
    public Disk systemDisk() {
      return disks.stream().filter(d -> d.type().equals("system")).findFirst().orElseThrow();
    }

    public List<Disk> dataDisks() {
      return disks.stream().filter(d -> d.type().equals("data")).toList();
    }
  }

  public record Disk(String device, String type, int sizeGiB, String snapshotId) {}

  public record Snapshot(String id, boolean encrypted, String kmsKeyId, String productCode, String status) {}

  /** {@code trustPolicy} is the role's AssumeRolePolicyDocument as JSON text. */
  public record Role(String name, String description, String trustPolicy, List<String> attachedPolicies) {}

  /** A RAM user: the policies attached to it directly and the groups it belongs to. */
  public record User(String name, String displayName, List<String> attachedPolicies, List<String> groups) {}

  /** A RAM user group and the policies attached to it. */
  public record Group(String name, String description, List<String> attachedPolicies) {}

  /** {@code document} is the default version's JSON text. */
  public record Policy(String name, String type, String description, String defaultVersion, String document) {}

  /**
   * {@code encryption} is none, AES256 or KMS; {@code policy} is JSON text or null; {@code owner} the
   * account that owns the bucket (another account's bucket refuses this account's keys and is not
   * among its ListBuckets).
   */
  public record Bucket(
      String name, String region, String acl, String encryption, String kmsKeyId, String versioning,
      String policy, String owner) {

    public String ossLocation() {
      return "oss-" + region;
    }

    public String extranetEndpoint() {
      return "oss-" + region + ".aliyuncs.com";
    }
  }

  public record StoredObject(String bucket, String key, long size) {}

  /**
   * An ECS task. An ExportImage task may name where it exported to ({@code export}, null when the
   * scenario leaves it out) and, when it failed, its error code and message.
   */
  public record Task(String id, String action, String imageId, String status, Instant createdAt,
                     TaskExport export, String errorCode, String errorMessage) {}

  /** Where an export task wrote (or was to write): bucket, prefix (null when none) and format. */
  public record TaskExport(String bucket, String prefix, String format) {}

  public record Quotas(int concurrentExports, int weeklyExports, boolean exportWhitelisted) {}

  public record Behaviour(double exportSeconds) {}

  /**
   * One injected fault. {@code api} is {@code ecs:<Action>}, {@code ram:<Action>},
   * {@code oss:<Operation>} or {@code *}. A fault may combine latency with an error; an error
   * fires always, for the first {@code times} matching calls, or with {@code probability} drawn
   * from a generator seeded with {@code seed}. {@code ratePerSecond} is one budget shared by every
   * call the fault matches, or with {@code perApi} one budget per API (so {@code *} limits each API).
   */
  public record Fault(
      String api,
      String error,
      String message,
      Integer httpStatus,
      Integer times,
      Double probability,
      long seed,
      long latencyMs,
      long jitterMs,
      Double ratePerSecond,
      boolean perApi,
      boolean hang) {}

  public Optional<Region> region(String id) {
    return regions.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Image> image(String id) {
    return images.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Optional<Snapshot> snapshot(String id) {
    return snapshots.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Role> role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Optional<User> user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  public Optional<Group> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public Optional<Policy> policy(String name) {
    return policies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<Bucket> bucket(String name) {
    return buckets.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  public Optional<AccessKey> accessKey(String id) {
    return account.accessKeys().stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
