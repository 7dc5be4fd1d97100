package io.exportguard.sandbox.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds signed RPC query strings without the SDK (and without the sandbox's own verifier code),
 * so tests can send requests the SDK would never send: tampered, stale or replayed ones.
 */
public final class SignedRpc {
  private final String accessKeyId;
  private final Mac mac;

  public SignedRpc(String accessKeyId, String secret) {
    this.accessKeyId = accessKeyId;
    try {
      mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The common parameters with a fresh nonce and the current time, plus {@code extra}. */
  public TreeMap<String, String> params(String action, String version, Map<String, String> extra) {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("Action", action);
    p.put("Version", version);
    p.put("Format", "JSON");
    p.put("AccessKeyId", accessKeyId);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", UUID.randomUUID().toString());
    p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    p.putAll(extra);
    return p;
  }

  /** {@code k=v&...&Signature=...}, signed for POST. */
  public String signedQuery(TreeMap<String, String> params) {
    StringBuilder canonical = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(enc(e.getKey())).append('=').append(enc(e.getValue()));
    }
    String stringToSign = "POST&%2F&" + enc(canonical.toString());
    String signature;
    synchronized (mac) {
      signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }
    return canonical + "&Signature=" + enc(signature);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }
}
