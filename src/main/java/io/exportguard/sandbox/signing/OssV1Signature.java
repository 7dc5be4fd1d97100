package io.exportguard.sandbox.signing;

import com.aliyun.oss.internal.SignParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OSS signature V1 ({@code Authorization: OSS <ak>:<sig>}): HMAC-SHA1 over the verb, Content-MD5,
 * Content-Type, Date, the sorted {@code x-oss-*} headers and the canonical resource
 * {@code /bucket/key?<signed sub-resources>}. The sub-resources that are signed are exactly the
 * SDK's own list, read from it so the two can never drift.
 */
public final class OssV1Signature {
  private static final Set<String> SIGNED_SUBRESOURCES = new HashSet<>(SignParameters.SIGNED_PARAMTERS);

  private OssV1Signature() {}

  public static String stringToSign(HttpView request) {
    return stringToSign(request, nullToEmpty(request.header("date")));
  }

  /** For a presigned URL the {@code Expires} query value takes the place of the Date header. */
  public static String stringToSign(HttpView request, String dateOrExpires) {
    StringBuilder sts = new StringBuilder(256);
    sts.append(request.method()).append('\n');
    sts.append(nullToEmpty(request.header("content-md5"))).append('\n');
    sts.append(nullToEmpty(request.header("content-type"))).append('\n');
    sts.append(dateOrExpires).append('\n');
    TreeMap<String, String> ossHeaders = new TreeMap<>();
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      if (h.getKey().startsWith("x-oss-")) {
        List<String> trimmed = new ArrayList<>();
        h.getValue().forEach(v -> trimmed.add(v.trim()));
        ossHeaders.put(h.getKey(), String.join(",", trimmed));
      }
    }
    ossHeaders.forEach((k, v) -> sts.append(k).append(':').append(v).append('\n'));
    sts.append(canonicalResource(request));
    return sts.toString();
  }

  private static String canonicalResource(HttpView request) {
    String path = request.path();
    // A bucket-level request is signed as "/bucket/" even when the path has no trailing slash.
    if (path.length() > 1 && path.indexOf('/', 1) < 0) {
      path = path + "/";
    }
    TreeMap<String, String> signed = new TreeMap<>();
    for (Encoding.Param p : request.query()) {
      if (SIGNED_SUBRESOURCES.contains(p.key())) {
        signed.put(p.key(), p.value());
      }
    }
    if (signed.isEmpty()) {
      return path;
    }
    StringBuilder out = new StringBuilder(path).append('?');
    boolean first = true;
    for (Map.Entry<String, String> e : signed.entrySet()) {
      if (!first) {
        out.append('&');
      }
      first = false;
      out.append(e.getKey());
      // "?acl" and "?acl=" are the same request to OSS (ali-oss sends the latter and signs the former).
      if (e.getValue() != null && !e.getValue().isEmpty()) {
        out.append('=').append(e.getValue());
      }
    }
    return out.toString();
  }

  public static String sign(String secret, String stringToSign) {
    return Base64.getEncoder().encodeToString(Hmac.sha1(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
