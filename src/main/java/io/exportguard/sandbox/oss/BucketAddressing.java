package io.exportguard.sandbox.oss;

import io.exportguard.sandbox.scenario.Scenario;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request names its bucket. Path style puts it first in the path ({@code /bucket/key});
 * virtual-hosted style puts it first in the Host ({@code bucket.oss-cn-hangzhou.aliyuncs.com},
 * {@code bucket.localhost:PORT}) and the whole path is the key. Both resolve to the same
 * {@code /bucket/key}, which is also what OSS signs in either style (the V1 canonical resource
 * and the V4 canonical URI).
 *
 * <p>A Host is virtual-hosted when it is {@code <label>.<endpoint>} and the endpoint is an OSS
 * endpoint ({@code oss-<region>[-internal].aliyuncs.com}, {@code oss-accelerate.aliyuncs.com}),
 * {@code localhost} or an IP address; or, for any other endpoint name (a name the user mapped to
 * the sandbox), when the label is one of the scenario's buckets. Every other Host is path style,
 * so a client with a custom endpoint and second-level-domain addressing keeps working.
 */
final class BucketAddressing {
  private static final Pattern OSS_ENDPOINT = Pattern.compile("oss-(.+?)(-internal)?\\.aliyuncs\\.com");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** The bucket-first path, and the region the Host's OSS endpoint names (null when it names none). */
  record Addressed(String path, String endpointRegion) {}

  private BucketAddressing() {}

  static Addressed resolve(String hostHeader, String decodedPath, Scenario scenario) {
    String host = hostname(hostHeader);
    if (host == null || isIp(host)) {
      return new Addressed(decodedPath, null);
    }
    if (isOssEndpoint(host) || host.equals("localhost")) {
      return new Addressed(decodedPath, endpointRegion(host));
    }
    int dot = host.indexOf('.');
    if (dot > 0 && dot < host.length() - 1) {
      String label = host.substring(0, dot);
      String endpoint = host.substring(dot + 1);
      if (isOssEndpoint(endpoint) || endpoint.equals("localhost") || isIp(endpoint) || scenario.bucket(label).isPresent()) {
        return new Addressed("/" + label + (decodedPath.startsWith("/") ? decodedPath : "/" + decodedPath), endpointRegion(endpoint));
      }
    }
    return new Addressed(decodedPath, null);
  }

  /** The lower-cased host name without its port; null when absent. */
  private static String hostname(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static boolean isIp(String host) {
    return host.startsWith("[") || IPV4.matcher(host).matches();
  }

  private static boolean isOssEndpoint(String host) {
    return OSS_ENDPOINT.matcher(host).matches();
  }

  /** {@code cn-hangzhou} for {@code oss-cn-hangzhou[-internal].aliyuncs.com}; null for other hosts and the global accelerate endpoints. */
  private static String endpointRegion(String host) {
    Matcher m = OSS_ENDPOINT.matcher(host);
    if (!m.matches() || m.group(1).startsWith("accelerate")) {
      return null;
    }
    return m.group(1);
  }
}
