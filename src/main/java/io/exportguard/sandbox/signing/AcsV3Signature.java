package io.exportguard.sandbox.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI signature V3 ({@code ACS3-HMAC-SHA256}) that the current SDK generation sends:
 * {@code Authorization: ACS3-HMAC-SHA256 Credential=<ak>,SignedHeaders=a;b;c,Signature=<hex>}.
 * The canonical request is the method, the encoded path, every query parameter sorted by name
 * ({@code k=v}, an empty value still gives {@code k=}), the signed headers ({@code name:value\n},
 * lower-cased names in the order of {@code SignedHeaders}), the list of signed headers and the
 * hex SHA-256 of the body; the string to sign is the algorithm and the hex SHA-256 of that, and
 * the signature is the hex HMAC-SHA256 keyed with the bare secret (no {@code &}, unlike V1).
 */
public final class AcsV3Signature {
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";

  private AcsV3Signature() {}

  /** The parsed Authorization header; {@code signedHeaders} are lower-cased, in the client's order. */
  public record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {}

  /** Parses {@code ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..}; null when malformed. */
  public static Authorization parse(String header) {
    if (header == null || !header.startsWith(ALGORITHM + " ")) {
      return null;
    }
    String credential = null;
    String signed = null;
    String signature = null;
    for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        return null;
      }
      String value = p.substring(eq + 1).trim();
      switch (p.substring(0, eq)) {
        case "Credential" -> credential = value;
        case "SignedHeaders" -> signed = value;
        case "Signature" -> signature = value;
        default -> {
          return null;
        }
      }
    }
    if (credential == null || credential.isEmpty() || signed == null || signature == null || signature.isEmpty()) {
      return null;
    }
    List<String> headers = new ArrayList<>();
    for (String h : signed.split(";")) {
      if (!h.isBlank()) {
        headers.add(h.trim().toLowerCase(Locale.ROOT));
      }
    }
    return new Authorization(credential, headers, signature);
  }

  /**
   * The canonical request for {@code request}, signing {@code signedHeaders} and the payload hash
   * the server computed from the body it received (so a body changed in transit breaks the signature
   * even when its {@code x-acs-content-sha256} header was left alone).
   */
  public static String canonicalRequest(HttpView request, List<String> signedHeaders, String hashedPayload) {
    StringBuilder cr = new StringBuilder(512);
    cr.append(request.method()).append('\n');
    cr.append(Encoding.v4(request.path(), true)).append('\n');
    TreeMap<String, List<String>> query = new TreeMap<>();
    for (Encoding.Param p : request.query()) {
      query.computeIfAbsent(Encoding.rpc(p.key()), k -> new ArrayList<>()).add(p.value() == null ? "" : Encoding.rpc(p.value()));
    }
    boolean first = true;
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      List<String> values = e.getValue();
      values.sort(null);
      for (String v : values) {
        if (!first) {
          cr.append('&');
        }
        first = false;
        cr.append(e.getKey()).append('=').append(v);
      }
    }
    cr.append('\n');
    List<String> names = new ArrayList<>(signedHeaders);
    names.sort(null);
    for (String name : names) {
      List<String> values = request.headers().getOrDefault(name, List.of());
      List<String> trimmed = new ArrayList<>(values.size());
      values.forEach(v -> trimmed.add(v.trim()));
      trimmed.sort(null);
      cr.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    cr.append('\n').append(String.join(";", names)).append('\n').append(hashedPayload);
    return cr.toString();
  }

  public static String stringToSign(String canonicalRequest) {
    return ALGORITHM + "\n" + Hmac.sha256Hex(canonicalRequest);
  }

  public static String sign(String secret, String stringToSign) {
    return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
  }
}
