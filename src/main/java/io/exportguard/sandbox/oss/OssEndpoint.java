package io.exportguard.sandbox.oss;

import com.sun.net.httpserver.HttpExchange;
import io.exportguard.sandbox.faults.FaultInjector;
import io.exportguard.sandbox.http.Reply;
import io.exportguard.sandbox.http.RequestIds;
import io.exportguard.sandbox.http.Xml;
import io.exportguard.sandbox.policy.RolePermissions;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.Bucket;
import io.exportguard.sandbox.signing.Encoding;
import io.exportguard.sandbox.signing.HttpView;
import io.exportguard.sandbox.state.AccountState;
import io.exportguard.sandbox.state.SessionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OSS in path style ({@code /bucket/key?sub-resource}) and virtual-hosted style (the bucket in the
 * Host, see {@link BucketAddressing}). For each request, in order: authenticate
 * ({@link OssAuth}); pick the operation from method, key and sub-resource ({@code MethodNotAllowed}
 * for the ones the sandbox does not serve); check the bucket name ({@code InvalidBucketName}) and
 * that the bucket exists ({@code NoSuchBucket}); reject a V4 request scoped to another region than
 * the bucket's, or one sent to another region's OSS endpoint, with {@code AccessDenied} carrying the bucket's {@code Endpoint}, as OSS does; allow
 * anonymous callers only to read objects of public buckets; apply injected faults; answer.
 */
public final class OssEndpoint {
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final String LIST_BUCKETS = "ListBuckets";
  private static final Set<String> ANONYMOUS_READS = Set.of("GetObject", "HeadObject", "GetObjectMeta", "ListObjects", "ListObjectsV2");

  private final AccountState state;
  private final FaultInjector faults;
  private final OssOperations operations;

  public OssEndpoint(AccountState state, FaultInjector faults) {
    this.state = state;
    this.faults = faults;
    this.operations = new OssOperations(state);
  }

  public void handle(HttpExchange exchange) throws IOException {
    String requestId = RequestIds.next();
    BucketAddressing.Addressed addressed = address(exchange);
    HttpView request = view(exchange, addressed.path());
    String bucketName = null;
    try {
      OssAuth.Caller caller = OssAuth.authenticate(request, state);
      String path = request.path();
      int slash = path.indexOf('/', 1);
      bucketName = path.length() <= 1 ? "" : slash < 0 ? path.substring(1) : path.substring(1, slash);
      String key = slash < 0 ? "" : path.substring(slash + 1);
      String operation = operation(request, bucketName, key);
      if (operation.equals(LIST_BUCKETS)) {
        listBuckets(exchange, requestId, caller, request);
        return;
      }
      if (!BUCKET_NAME.matcher(bucketName).matches()) {
        throw new OssError(400, "InvalidBucketName", "The specified bucket is not valid.").with("BucketName", bucketName);
      }
      Bucket bucket = state.scenario().bucket(bucketName).orElse(null);
      if (bucket == null) {
        throw new OssError(404, "NoSuchBucket", "The specified bucket does not exist.").with("BucketName", bucketName);
      }
      // A V4 scope or an OSS endpoint in the Host for another region: OSS names the right endpoint.
      if ((caller.v4Region() != null && !caller.v4Region().equals(bucket.region()))
          || (addressed.endpointRegion() != null && !addressed.endpointRegion().equals(bucket.region()))) {
        throw new OssError(403, "AccessDenied",
            "The bucket you are attempting to access must be addressed using the specified endpoint. "
                + "Please send all future requests to this endpoint.")
            .with("Bucket", bucket.name()).with("Endpoint", bucket.extranetEndpoint());
      }
      if (caller.anonymous() && !(ANONYMOUS_READS.contains(operation) && !bucket.acl().equals("private"))) {
        throw new OssError(403, "AccessDenied", "You have no right to access this object because of bucket acl.");
      }
      if (!caller.anonymous() && !bucket.owner().equals(state.scenario().account().id())) {
        // Another account's bucket: its owner granted this account nothing the sandbox models.
        throw new OssError(403, "AccessDenied", "You have no right to access this bucket.").with("BucketName", bucket.name());
      }
      authorize(caller, operation);
      if (!faults.isEmpty()) {
        FaultInjector.Injected injected = faults.apply("oss:" + operation, true);
        if (injected != null) {
          throw new OssError(injected.status(), injected.code(), injected.message());
        }
      }
      OssOperations.Result result = operations.run(operation, bucket, key, params(request), request.header("range"));
      Map<String, String> headers = new LinkedHashMap<>(result.headers());
      headers.put("x-oss-request-id", requestId);
      headers.put("Server", "AliyunOSS");
      Reply.send(exchange, result.status(), result.contentType(), result.body(), headers);
    } catch (OssError e) {
      sendError(exchange, requestId, bucketName, e);
    } catch (RuntimeException e) {
      sendError(exchange, requestId, bucketName, new OssError(500, "InternalError", "The sandbox failed: " + e));
    }
  }

  /**
   * ListBuckets (GetService, {@code GET /} on a service endpoint): the account's own buckets in name
   * order, from {@code marker} on, filtered by {@code prefix}, at most {@code max-keys} (1–1000,
   * default 100), with IsTruncated and NextMarker when more remain. Anonymous callers are refused.
   */
  private void listBuckets(HttpExchange exchange, String requestId, OssAuth.Caller caller, HttpView request)
      throws IOException {
    if (caller.anonymous()) {
      throw new OssError(403, "AccessDenied", "Anonymous access is forbidden for this operation.");
    }
    authorize(caller, LIST_BUCKETS);
    if (!faults.isEmpty()) {
      FaultInjector.Injected injected = faults.apply("oss:" + LIST_BUCKETS, true);
      if (injected != null) {
        throw new OssError(injected.status(), injected.code(), injected.message());
      }
    }
    Map<String, String> params = params(request);
    String prefix = params.getOrDefault("prefix", "");
    String marker = params.getOrDefault("marker", "");
    int maxKeys = ObjectListing.maxKeys(params);
    String account = state.scenario().account().id();
    List<Bucket> own = state.scenario().buckets().stream()
        .filter(b -> b.owner().equals(account) && b.name().startsWith(prefix) && b.name().compareTo(marker) > 0)
        .sorted(java.util.Comparator.comparing(Bucket::name)).toList();
    List<Bucket> page = own.subList(0, Math.min(maxKeys, own.size()));
    boolean truncated = own.size() > page.size();
    Xml xml = new Xml().open("ListAllMyBucketsResult");
    if (params.containsKey("prefix") || params.containsKey("marker") || params.containsKey("max-keys")) {
      xml.leaf("Prefix", prefix).leaf("Marker", marker).leaf("MaxKeys", maxKeys);
    }
    if (truncated) {
      xml.leaf("IsTruncated", true).leaf("NextMarker", page.get(page.size() - 1).name());
    }
    xml.open("Owner").leaf("ID", account).leaf("DisplayName", account).close("Owner").open("Buckets");
    for (Bucket b : page) {
      xml.open("Bucket").leaf("CreationDate", "2024-01-01T00:00:00.000Z").leaf("ExtranetEndpoint", b.extranetEndpoint())
          .leaf("IntranetEndpoint", "oss-" + b.region() + "-internal.aliyuncs.com").leaf("Location", b.ossLocation())
          .leaf("Name", b.name()).leaf("Region", b.region()).leaf("StorageClass", "Standard").close("Bucket");
    }
    xml.close("Buckets").close("ListAllMyBucketsResult");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-oss-request-id", requestId);
    headers.put("Server", "AliyunOSS");
    Reply.send(exchange, 200, "application/xml", xml.bytes(), headers);
  }

  /**
   * A role session (STS AssumeRole's keys) may call only what the role's policies allow; OSS refuses
   * the rest with {@code AccessDenied} (403). The message OSS gives for a RAM refusal is not
   * documented; this one names the action. The account's own keys may call anything.
   */
  private void authorize(OssAuth.Caller caller, String operation) {
    if (caller.anonymous()) return;
    SessionKey session = state.sessionKey(caller.key().id()).orElse(null);
    if (session == null) return;
    String refusal = RolePermissions.refusal(state.scenario(), session.roleName(), "oss:" + operation);
    if (refusal != null) {
      throw new OssError(403, "AccessDenied", "You are not authorized to do oss:" + operation + " (" + refusal
          + " by the RAM policies of role " + session.roleName() + ").");
    }
  }

  /** The operation name used in faults: {@code oss:GetBucketInfo}, {@code oss:GetObject}, ... */
  private static String operation(HttpView request, String bucket, String key) {
    String method = request.method();
    boolean read = method.equals("GET") || method.equals("HEAD");
    Set<String> sub = new HashSet<>();
    request.query().forEach(p -> sub.add(p.key()));
    if (bucket.isEmpty()) {
      if (method.equals("GET") && sub.stream().allMatch(s -> Set.of("prefix", "marker", "max-keys", "resource-group-id").contains(s))) {
        return LIST_BUCKETS;
      }
      throw new OssError(405, "MethodNotAllowed", "The sandbox serves no other service-level OSS request than ListBuckets.");
    }
    if (key.isEmpty() && read) {
      if (sub.contains("bucketInfo")) {
        return "GetBucketInfo";
      }
      if (sub.contains("location")) {
        return "GetBucketLocation";
      }
      if (sub.contains("acl")) {
        return "GetBucketAcl";
      }
      if (sub.contains("policy")) {
        return "GetBucketPolicy";
      }
      if (sub.contains("encryption")) {
        return "GetBucketEncryption";
      }
      if (sub.contains("versioning")) {
        return "GetBucketVersioning";
      }
      if (method.equals("GET") && sub.stream().noneMatch(OssEndpoint::unsupportedSubresource)) {
        return "2".equals(param(request, "list-type")) ? "ListObjectsV2" : "ListObjects";
      }
    } else if (!key.isEmpty() && read && sub.stream().noneMatch(OssEndpoint::unsupportedSubresource)) {
      if (sub.contains("objectMeta")) {
        return "GetObjectMeta";
      }
      return method.equals("HEAD") ? "HeadObject" : "GetObject";
    }
    throw new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource (the sandbox serves reads only).")
        .with("Method", method).with("ResourceType", key.isEmpty() ? "Bucket" : "Object");
  }

  /** Sub-resources that would make a plain read mean another operation. */
  private static boolean unsupportedSubresource(String name) {
    return Set.of("cors", "logging", "website", "referer", "lifecycle", "tagging", "uploads", "uploadId", "symlink",
        "replication", "worm", "inventory", "qos", "cname", "stat", "versions", "restore").contains(name);
  }

  private static String param(HttpView request, String name) {
    return request.query().stream().filter(p -> p.key().equals(name)).map(Encoding.Param::value).findFirst().orElse(null);
  }

  private static Map<String, String> params(HttpView request) {
    Map<String, String> out = new HashMap<>();
    request.query().forEach(p -> out.putIfAbsent(p.key(), p.value()));
    return out;
  }

  private BucketAddressing.Addressed address(HttpExchange exchange) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String path = Encoding.decodePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
    return BucketAddressing.resolve(exchange.getRequestHeaders().getFirst("Host"), path, state.scenario());
  }

  /** The request as signatures see it, with the path in bucket-first form whichever style addressed it. */
  private static HttpView view(HttpExchange exchange, String bucketFirstPath) {
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
    return new HttpView(exchange.getRequestMethod(), bucketFirstPath, Encoding.parseQuery(exchange.getRequestURI().getRawQuery()), headers);
  }

  private void sendError(HttpExchange exchange, String requestId, String bucketName, OssError e) throws IOException {
    Xml xml = new Xml().open("Error").leaf("Code", e.code).leaf("Message", e.getMessage()).leaf("RequestId", requestId)
        .leaf("HostId", hostId(bucketName));
    e.fields.forEach(xml::leaf);
    xml.leaf("EC", errorCode(e.code));
    xml.close("Error");
    byte[] body = xml.bytes();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-oss-request-id", requestId);
    headers.put("x-oss-ec", errorCode(e.code));
    headers.put("Server", "AliyunOSS");
    if (exchange.getRequestMethod().equals("HEAD")) {
      // A HEAD reply has no body; the SDK reads the error from this header instead.
      headers.put("x-oss-err", Base64.getEncoder().encodeToString(body));
    }
    Reply.send(exchange, e.status, "application/xml", body, headers);
  }

  private String hostId(String bucketName) {
    if (bucketName != null && !bucketName.isEmpty()) {
      Scenario.Bucket b = state.scenario().bucket(bucketName).orElse(null);
      if (b != null) {
        return b.name() + "." + b.extranetEndpoint();
      }
    }
    return "oss-" + state.scenario().regions().get(0).id() + ".aliyuncs.com";
  }

  /** OSS's EC field: a stable per-code value, so clients that log it see something plausible. */
  private static String errorCode(String code) {
    return switch (code) {
      case "NoSuchBucket" -> "0015-00000101";
      case "NoSuchKey" -> "0026-00000001";
      case "AccessDenied" -> "0003-00000001";
      case "SignatureDoesNotMatch" -> "0002-00000040";
      case "InvalidAccessKeyId" -> "0002-00000004";
      case "NoSuchBucketPolicy" -> "0031-00000001";
      case "NoSuchServerSideEncryptionRule" -> "0037-00000001";
      default -> "0000-00000000";
    };
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
