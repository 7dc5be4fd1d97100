package io.exportguard.sandbox.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * OSS signature V4 ({@code OSS4-HMAC-SHA256}): a canonical request over the encoded path, every
 * query parameter, the {@code content-type}/{@code content-md5}/{@code x-oss-*} headers and any
 * additional signed headers, hashed into a string to sign scoped to {@code date/region/oss}, and
 * signed with a key derived from {@code "aliyun_v4" + secret}.
 */
public final class OssV4Signature {
  private OssV4Signature() {}

  /** The parsed Authorization header. */
  public record Credential(String accessKeyId, String date, String region, String product, String terminator,
      List<String> additionalHeaders, String signature) {

    public String scope() {
      return date + "/" + region + "/" + product + "/" + terminator;
    }
  }

  /** Parses {@code OSS4-HMAC-SHA256 Credential=..., AdditionalHeaders=..., Signature=...}; null when malformed. */
  public static Credential parse(String authorization) {
    String body = authorization.substring("OSS4-HMAC-SHA256".length()).trim();
    String credential = null;
    String signature = null;
    List<String> additional = List.of();
    for (String part : body.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq < 0) {
        return null;
      }
      String name = p.substring(0, eq);
      String value = p.substring(eq + 1);
      switch (name) {
        case "Credential" -> credential = value;
        case "Signature" -> signature = value;
        case "AdditionalHeaders" -> {
          List<String> list = new ArrayList<>();
          for (String h : value.split(";")) {
            if (!h.isBlank()) {
              list.add(h.trim().toLowerCase(Locale.ROOT));
            }
          }
          additional = list;
        }
        default -> {
          return null;
        }
      }
    }
    if (credential == null || signature == null) {
      return null;
    }
    String[] scope = credential.split("/");
    if (scope.length != 5) {
      return null;
    }
    return new Credential(scope[0], scope[1], scope[2], scope[3], scope[4], additional, signature);
  }

  public static String canonicalRequest(HttpView request, List<String> additionalHeaders) {
    StringBuilder cr = new StringBuilder(512);
    cr.append(request.method()).append('\n');
    cr.append(Encoding.v4(request.path(), true)).append('\n');
    TreeMap<String, List<String>> query = new TreeMap<>();
    for (Encoding.Param p : request.query()) {
      query.computeIfAbsent(Encoding.v4(p.key(), false), k -> new ArrayList<>())
          .add(p.value() == null || p.value().isEmpty() ? null : Encoding.v4(p.value(), false));
    }
    boolean first = true;
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      List<String> values = new ArrayList<>(e.getValue());
      values.sort((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b));
      for (String v : values) {
        if (!first) {
          cr.append('&');
        }
        first = false;
        cr.append(e.getKey());
        if (v != null) {
          cr.append('=').append(v);
        }
      }
    }
    cr.append('\n');
    Set<String> additional = new TreeSet<>(additionalHeaders);
    TreeMap<String, String> signedHeaders = new TreeMap<>();
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      String name = h.getKey();
      if (name.equals("content-type") || name.equals("content-md5") || name.startsWith("x-oss-") || additional.contains(name)) {
        List<String> trimmed = new ArrayList<>();
        h.getValue().forEach(v -> trimmed.add(v.trim()));
        signedHeaders.put(name, String.join(",", trimmed));
      }
    }
    signedHeaders.forEach((k, v) -> cr.append(k).append(':').append(v).append('\n'));
    cr.append('\n');
    cr.append(String.join(";", additional)).append('\n');
    String payload = request.header("x-oss-content-sha256");
    cr.append(payload == null ? "UNSIGNED-PAYLOAD" : payload);
    return cr.toString();
  }

  public static String stringToSign(String dateTime, Credential credential, String canonicalRequest) {
    return "OSS4-HMAC-SHA256\n" + dateTime + "\n" + credential.scope() + "\n" + Hmac.sha256Hex(canonicalRequest);
  }

  public static String sign(String secret, Credential credential, String stringToSign) {
    byte[] key = Hmac.sha256(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), credential.date());
    key = Hmac.sha256(key, credential.region());
    key = Hmac.sha256(key, credential.product());
    key = Hmac.sha256(key, credential.terminator());
    return HexFormat.of().formatHex(Hmac.sha256(key, stringToSign));
  }
}
