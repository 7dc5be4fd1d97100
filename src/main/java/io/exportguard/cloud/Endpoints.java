package io.exportguard.cloud;

import com.aliyuncs.http.ProtocolType;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the SDK clients send requests: Alibaba Cloud over HTTPS (regional ECS, {@code ram.aliyuncs.com},
 * {@code oss-<region>.aliyuncs.com}), or one emulator on a loopback address that serves every product.
 * Plain HTTP is allowed only to loopback, so credentials never cross a network in clear text.
 */
public final class Endpoints {
  /** What an ECS region id looks like; anything else has no endpoint and is never called. */
  private static final Pattern REGION_ID = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

  private final URI emulator; // null for Alibaba Cloud

  private Endpoints(URI emulator) { this.emulator = emulator; }

  public static Endpoints alibabaCloud() { return new Endpoints(null); }

  /**
   * An emulator endpoint such as {@code http://127.0.0.1:8080}. Throws IllegalArgumentException
   * with a user-facing message when it is not a http(s) URL with a port, or is plain HTTP to a
   * host that is not loopback.
   */
  public static Endpoints emulator(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("expected http://HOST:PORT, got " + url);
    }
    if (uri.getHost() == null || uri.getPort() <= 0) {
      throw new IllegalArgumentException("expected a host and a port, got " + url);
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException("expected no path, got " + url);
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("plain http is only allowed to a loopback address, got " + url);
    }
    return new Endpoints(URI.create(scheme + "://" + uri.getHost() + ":" + uri.getPort()));
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) return true;
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!h.matches("[0-9.]+") && !h.contains(":")) return false; // never resolve names
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public boolean isEmulator() { return emulator != null; }

  /** An emulator reached over plain HTTP (on loopback): clients for it need no TLS at all. */
  public boolean plainHttpOnly() { return emulator != null && emulator.getScheme().equals("http"); }

  /** True when the region id can name an endpoint at all. */
  public static boolean plausibleRegion(String regionId) {
    return regionId != null && REGION_ID.matcher(regionId).matches();
  }

  public ProtocolType protocol() {
    return emulator != null && emulator.getScheme().equals("http") ? ProtocolType.HTTP : ProtocolType.HTTPS;
  }

  /** {@code host[:port]} for the core SDK's setSysEndpoint (no scheme). */
  public String ecs(String regionId) {
    return emulator != null ? hostPort() : "ecs." + regionId + ".aliyuncs.com";
  }

  /** The ECS endpoint that answers DescribeRegions for any region. */
  public String ecsCentral() { return emulator != null ? hostPort() : "ecs.aliyuncs.com"; }

  public String ram() { return emulator != null ? hostPort() : "ram.aliyuncs.com"; }

  /** STS, for GetCallerIdentity. */
  public String sts() { return emulator != null ? hostPort() : "sts.aliyuncs.com"; }

  /**
   * Where the credentials library sends its STS calls (AssumeRole, AssumeRoleWithOIDC): the
   * emulator's {@code host:port}, or null for Alibaba Cloud's own (the library picks the region).
   */
  public String stsForCredentials() { return emulator != null ? hostPort() : null; }

  /** The OSS endpoint URL for a region (with scheme, as the OSS SDK takes it). */
  public String oss(String regionId) {
    return emulator != null ? emulator.toString() : "https://oss-" + regionId + ".aliyuncs.com";
  }

  private String hostPort() { return emulator.getHost() + ":" + emulator.getPort(); }

  @Override
  public String toString() { return emulator == null ? "Alibaba Cloud" : emulator.toString(); }
}
