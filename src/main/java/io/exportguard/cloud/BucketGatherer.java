package io.exportguard.cloud;

import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import io.exportguard.facts.Area;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.PolicyDocuments;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code bucket}, {@code bucketPolicy} and {@code bucketEncryption} areas: GetBucketInfo,
 * GetBucketLocation, GetBucketAcl, GetBucketPolicy and GetBucketEncryption side by side, signed V4
 * for the image's region. {@code NoSuchBucket} is the fact {@code exists: false}; {@code AccessDenied}
 * carrying an {@code Endpoint} is OSS saying the bucket lives in that other region.
 */
final class BucketGatherer {
  private final CloudClients clients;
  private final Executor executor;
  private final FactSink sink;

  BucketGatherer(CloudClients clients, Executor executor, FactSink sink) {
    this.clients = clients;
    this.executor = executor;
    this.sink = sink;
  }

  private record Info(String location, String acl, String storageClass, String versioning,
                      BucketFacts.Encryption sse) {}

  /** Where the bucket is when it is not where we asked, or null. */
  private record Elsewhere(String location) {}

  CompletableFuture<BucketFacts> gather(String regionId, String bucket) {
    return attempt(regionId, bucket, true);
  }

  /**
   * The five calls side by side. When OSS says the bucket lives in another region, they are made
   * once more, signed for that region, so the bucket's other facts are known too (one extra level,
   * only in that case).
   */
  private CompletableFuture<BucketFacts> attempt(String regionId, String bucket, boolean mayFollow) {
    var info = Async.run(executor, () -> clients.oss("GetBucketInfo", regionId, oss -> info(oss.getBucketInfo(bucket))));
    var location = Async.run(executor, () -> clients.oss("GetBucketLocation", regionId, oss -> oss.getBucketLocation(bucket)));
    var acl = Async.run(executor, () -> clients.oss("GetBucketAcl", regionId, oss -> aclName(oss.getBucketAcl(bucket).getCannedACL())));
    var policy = Async.run(executor, () -> clients.oss("GetBucketPolicy", regionId, oss -> oss.getBucketPolicy(bucket).getPolicyText()));
    var encryption = Async.run(executor, () -> clients.oss("GetBucketEncryption", regionId,
        oss -> encryption(oss.getBucketEncryption(bucket))));
    return CompletableFuture.allOf(info, location, acl, policy, encryption).handle((v, ignored) -> {
      Elsewhere elsewhere = elsewhere(failure(info, "oss:GetBucketInfo"));
      if (elsewhere == null) elsewhere = elsewhere(failure(location, "oss:GetBucketLocation"));
      return elsewhere;
    }).thenComposeAsync(elsewhere -> {
      if (elsewhere == null) {
        return CompletableFuture.completedFuture(combine(regionId, bucket, info, location, acl, policy, encryption));
      }
      String other = regionOf(elsewhere.location());
      if (mayFollow && Endpoints.plausibleRegion(other) && !other.equals(regionId)) {
        return attempt(other, bucket, false);
      }
      String reason = "bucket " + bucket + " is in " + elsewhere.location() + ", not oss-" + regionId;
      sink.skip(Area.BUCKET_POLICY, reason);
      sink.skip(Area.BUCKET_ENCRYPTION, reason);
      return CompletableFuture.completedFuture(new BucketFacts(bucket, true, elsewhere.location(), other, null, null,
          null, null, null, null));
    }, executor);
  }

  private BucketFacts combine(String regionId, String bucket, CompletableFuture<Info> info,
                              CompletableFuture<String> location, CompletableFuture<String> acl,
                              CompletableFuture<String> policy, CompletableFuture<BucketFacts.Encryption> encryption) {
    ApiException infoError = failure(info, "oss:GetBucketInfo");
    if (infoError != null && infoError.code().equals("NoSuchBucket")) {
      sink.skip(Area.BUCKET_POLICY, "bucket " + bucket + " does not exist");
      sink.skip(Area.BUCKET_ENCRYPTION, "bucket " + bucket + " does not exist");
      return BucketFacts.missing(bucket);
    }
    boolean bucketOk = true;
    for (var f : new Object[][] {{info, "oss:GetBucketInfo"}, {location, "oss:GetBucketLocation"}, {acl, "oss:GetBucketAcl"}}) {
      ApiException e = failure((CompletableFuture<?>) f[0], (String) f[1]);
      if (e != null) {
        sink.error(Area.BUCKET, e);
        bucketOk = false;
      }
    }
    String policyText = null;
    ApiException policyError = failure(policy, "oss:GetBucketPolicy");
    if (policyError == null) policyText = policy.join();
    else if (!policyError.code().equals("NoSuchBucketPolicy")) sink.error(Area.BUCKET_POLICY, policyError);
    BucketFacts.Encryption enc = null;
    ApiException encError = failure(encryption, "oss:GetBucketEncryption");
    if (encError == null) enc = encryption.join();
    else if (encError.code().equals("NoSuchServerSideEncryptionRule")) enc = new BucketFacts.Encryption("none", null);
    else sink.error(Area.BUCKET_ENCRYPTION, encError);
    if (!bucketOk) return null;
    Info i = info.join();
    String loc = location.join() != null && !location.join().isEmpty() ? location.join() : i.location();
    return new BucketFacts(bucket, true, loc, regionOf(loc), acl.join(), i.storageClass(), enc, i.versioning(),
        PolicyDocuments.parse(policyText), policyText);
  }

  private static Info info(BucketInfo bi) {
    String storage = bi.getBucket().getStorageClass() == null ? null : bi.getBucket().getStorageClass().toString();
    return new Info(bi.getBucket().getLocation(), aclName(bi.getCannedACL()), storage, bi.getVersioning(),
        encryption(bi.getServerSideEncryptionConfiguration()));
  }

  static BucketFacts.Encryption encryption(ServerSideEncryptionConfiguration c) {
    ServerSideEncryptionByDefault d = c == null ? null : c.getApplyServerSideEncryptionByDefault();
    if (d == null || d.getSSEAlgorithm() == null || d.getSSEAlgorithm().isEmpty()
        || d.getSSEAlgorithm().equalsIgnoreCase("None")) {
      return new BucketFacts.Encryption("none", null);
    }
    String kms = d.getKMSMasterKeyID() == null || d.getKMSMasterKeyID().isEmpty() ? null : d.getKMSMasterKeyID();
    return new BucketFacts.Encryption(d.getSSEAlgorithm(), kms);
  }

  static String aclName(CannedAccessControlList acl) {
    return acl == null ? null : acl.toString();
  }

  /** {@code oss-cn-hangzhou} → {@code cn-hangzhou}. */
  static String regionOf(String location) {
    if (location == null) return null;
    return location.startsWith("oss-") ? location.substring(4) : location;
  }

  private static Elsewhere elsewhere(ApiException e) {
    if (e == null || !e.code().equals("AccessDenied")) return null;
    String endpoint = e.fields().get("Endpoint");
    if (endpoint == null || endpoint.isBlank()) return null;
    // oss-cn-shanghai.aliyuncs.com → oss-cn-shanghai
    String host = endpoint.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
    int dot = host.indexOf('.');
    return new Elsewhere(dot < 0 ? host : host.substring(0, dot));
  }

  private static ApiException failure(CompletableFuture<?> f, String api) {
    if (!f.isCompletedExceptionally()) return null;
    try {
      f.join();
      return null;
    } catch (RuntimeException e) {
      return Async.cause(e, api);
    }
  }
}
