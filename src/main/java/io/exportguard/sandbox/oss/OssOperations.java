package io.exportguard.sandbox.oss;

import com.aliyun.oss.common.utils.CRC64;
import io.exportguard.sandbox.http.Xml;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.Bucket;
import io.exportguard.sandbox.state.AccountState;
import io.exportguard.sandbox.state.ObjectRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OSS operations the sandbox serves, each producing a complete reply. */
final class OssOperations {
  /** A reply: status, content type, body, extra headers. */
  record Result(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Result xml(Xml xml) {
      return new Result(200, "application/xml", xml.bytes(), Map.of());
    }
  }

  private static final String CREATED = "2024-01-01T00:00:00.000Z";
  private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final AccountState state;
  private final Scenario scenario;

  OssOperations(AccountState state) {
    this.state = state;
    this.scenario = state.scenario();
  }

  Result run(String operation, Bucket bucket, String key, Map<String, String> params, String range) {
    return switch (operation) {
      case "GetBucketInfo" -> bucketInfo(bucket);
      case "GetBucketLocation" -> Result.xml(new Xml().leaf("LocationConstraint", bucket.ossLocation()));
      case "GetBucketAcl" -> Result.xml(owner(new Xml().open("AccessControlPolicy"))
          .open("AccessControlList").leaf("Grant", bucket.acl()).close("AccessControlList").close("AccessControlPolicy"));
      case "GetBucketPolicy" -> bucketPolicy(bucket);
      case "GetBucketEncryption" -> bucketEncryption(bucket);
      case "GetBucketVersioning" -> bucketVersioning(bucket);
      case "ListObjects" -> ObjectListing.v1(bucket, objects(bucket), params, scenario.account().id());
      case "ListObjectsV2" -> ObjectListing.v2(bucket, objects(bucket), params, scenario.account().id());
      case "HeadObject", "GetObject", "GetObjectMeta" -> object(operation, bucket, key, range);
      default -> throw new IllegalStateException("unrouted OSS operation " + operation);
    };
  }

  private Xml owner(Xml xml) {
    String id = scenario.account().id();
    return xml.open("Owner").leaf("ID", id).leaf("DisplayName", id).close("Owner");
  }

  private Result bucketInfo(Bucket b) {
    Xml xml = new Xml().open("BucketInfo").open("Bucket")
        .leaf("AccessMonitor", "Disabled").leaf("CreationDate", CREATED)
        .leaf("ExtranetEndpoint", b.extranetEndpoint()).leaf("IntranetEndpoint", "oss-" + b.region() + "-internal.aliyuncs.com")
        .leaf("Location", b.ossLocation()).leaf("StorageClass", "Standard").leaf("TransferAcceleration", "Disabled")
        .leaf("CrossRegionReplication", "Disabled").leaf("DataRedundancyType", "LRS").leaf("Name", b.name())
        .leaf("ResourceGroupId", "rg-default").leaf("Comment", "");
    owner(xml);
    xml.open("AccessControlList").leaf("Grant", b.acl()).close("AccessControlList");
    xml.open("ServerSideEncryptionRule").leaf("SSEAlgorithm", b.encryption().equals("none") ? "None" : b.encryption());
    if (b.encryption().equals("KMS") && b.kmsKeyId() != null) {
      xml.leaf("KMSMasterKeyID", b.kmsKeyId());
    }
    xml.close("ServerSideEncryptionRule");
    if (b.versioning() != null) {
      xml.leaf("Versioning", b.versioning());
    }
    xml.leaf("BlockPublicAccess", "false");
    return Result.xml(xml.close("Bucket").close("BucketInfo"));
  }

  private Result bucketPolicy(Bucket b) {
    if (b.policy() == null) {
      throw new OssError(404, "NoSuchBucketPolicy", "The bucket policy does not exist.").with("BucketName", b.name());
    }
    return new Result(200, "application/json", b.policy().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private Result bucketEncryption(Bucket b) {
    if (b.encryption().equals("none")) {
      throw new OssError(404, "NoSuchServerSideEncryptionRule", "The server side encryption configuration was not found.")
          .with("BucketName", b.name());
    }
    Xml xml = new Xml().open("ServerSideEncryptionRule").open("ApplyServerSideEncryptionByDefault")
        .leaf("SSEAlgorithm", b.encryption());
    if (b.encryption().equals("KMS")) {
      xml.leaf("KMSMasterKeyID", b.kmsKeyId() == null ? "" : b.kmsKeyId());
    }
    return Result.xml(xml.close("ApplyServerSideEncryptionByDefault").close("ServerSideEncryptionRule"));
  }

  private Result bucketVersioning(Bucket b) {
    Xml xml = new Xml().open("VersioningConfiguration");
    if (b.versioning() != null) {
      xml.leaf("Status", b.versioning());
    }
    return Result.xml(xml.close("VersioningConfiguration"));
  }

  private List<ObjectRecord> objects(Bucket b) {
    return state.objects(b.name()).orElse(List.of());
  }

  private Result object(String operation, Bucket bucket, String key, String range) {
    ObjectRecord o = state.object(bucket.name(), key).orElseThrow(() -> new OssError(404, "NoSuchKey",
        "The specified key does not exist.").with("Key", key));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", o.etag());
    headers.put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(o.lastModified().atOffset(ZoneOffset.UTC)));
    if (operation.equals("GetObjectMeta")) {
      headers.put("Content-Length", String.valueOf(o.size()));
      return new Result(200, null, null, headers);
    }
    headers.put("x-oss-object-type", "Normal");
    headers.put("x-oss-storage-class", "Standard");
    headers.put("Accept-Ranges", "bytes");
    if (!bucket.encryption().equals("none")) {
      headers.put("x-oss-server-side-encryption", bucket.encryption());
    }
    if (o.placeholder()) {
      headers.put("x-oss-meta-exportguard-placeholder", "true");
      headers.put("x-oss-meta-exportguard-reported-size", String.valueOf(o.size()));
    }
    if (operation.equals("HeadObject")) {
      // The declared size, even for placeholders; HEAD sends no body, so the length is set by hand.
      headers.put("Content-Length", String.valueOf(o.size()));
      if (!o.placeholder()) {
        headers.put("x-oss-hash-crc64ecma", crc64(o.content()));
      }
      return new Result(200, "application/octet-stream", null, headers);
    }
    long[] span = range(range, o.content().length);
    if (span != null) {
      // A satisfiable single range: 206 with just those bytes (OSS ignores ranges it cannot satisfy).
      headers.put("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + o.content().length);
      return new Result(206, "application/octet-stream",
          java.util.Arrays.copyOfRange(o.content(), (int) span[0], (int) span[1] + 1), headers);
    }
    headers.put("x-oss-hash-crc64ecma", crc64(o.content()));
    return new Result(200, "application/octet-stream", o.content(), headers);
  }

  /** {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} within the content; null for anything else. */
  static long[] range(String header, long length) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",") || length == 0) {
      return null;
    }
    String spec = header.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      long first;
      long last;
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        first = Math.max(0, length - suffix);
        last = length - 1;
      } else {
        first = Long.parseLong(a);
        last = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
      }
      return first <= last && first < length ? new long[] {first, last} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String crc64(byte[] content) {
    CRC64 crc = new CRC64();
    crc.update(content, content.length);
    return Long.toUnsignedString(crc.getValue());
  }

  static String iso(java.time.Instant t) {
    return ISO_MILLIS.format(t);
  }

  /** URL-encodes listing text for {@code encoding-type=url} (spaces as %20, as OSS does). */
  static String urlEncode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String token(String lastKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  static String untoken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OssError(400, "InvalidArgument", "The continuation-token is not valid.").with("ArgumentName", "continuation-token");
    }
  }

}
