package io.exportguard.sandbox.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs RPC requests with signature V3 ({@code ACS3-HMAC-SHA256}) without the SDK and without the
 * sandbox's verifier, for the load generator: the query and the headers a V3 client sends for a
 * POST with an empty body.
 */
public final class SignedAcs3 {
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private final String accessKeyId;
  private final Mac mac;

  public SignedAcs3(String accessKeyId, String secret) {
    this.accessKeyId = accessKeyId;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed request: the query string and the headers (Authorization included) to send with it. */
  public record Signed(String query, Map<String, String> headers) {}

  /** Signs a POST to {@code /} on {@code host} with {@code params} in the query, a fresh nonce and the current time. */
  public Signed sign(String host, String action, String version, Map<String, String> params) {
    TreeMap<String, String> query = new TreeMap<>(params);
    StringBuilder canonicalQuery = new StringBuilder();
    query.forEach((k, v) -> canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&").append(SignedRpc.enc(k)).append('=')
        .append(SignedRpc.enc(v)));
    TreeMap<String, String> headers = new TreeMap<>();
    headers.put("host", host);
    headers.put("x-acs-action", action);
    headers.put("x-acs-content-sha256", EMPTY_SHA256);
    headers.put("x-acs-date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    headers.put("x-acs-signature-nonce", UUID.randomUUID().toString());
    headers.put("x-acs-version", version);
    StringBuilder canonical = new StringBuilder("POST\n/\n").append(canonicalQuery).append('\n');
    headers.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    String signedHeaders = String.join(";", headers.keySet());
    canonical.append('\n').append(signedHeaders).append('\n').append(EMPTY_SHA256);
    String stringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(canonical.toString()));
    String signature;
    synchronized (mac) {
      signature = hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> out = new LinkedHashMap<>(headers);
    out.put("Authorization", "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature);
    return new Signed(canonicalQuery.toString(), out);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
