package io.exportguard.sandbox.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0): every parameter but
 * {@code Signature}, sorted by name, percent-encoded and joined, then encoded once more into
 * {@code METHOD&%2F&<query>} and signed with {@code secret + "&"}.
 */
public final class RpcSignature {
  private RpcSignature() {}

  public static String stringToSign(String method, Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>(params);
    sorted.remove("Signature");
    StringBuilder canonical = new StringBuilder(512);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(Encoding.rpc(e.getKey())).append('=').append(Encoding.rpc(e.getValue()));
    }
    return method + "&" + Encoding.rpc("/") + "&" + Encoding.rpc(canonical.toString());
  }

  public static String sign(String secret, String stringToSign) {
    return Base64.getEncoder().encodeToString(Hmac.sha1((secret + "&").getBytes(StandardCharsets.UTF_8), stringToSign));
  }
}
