package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** crypto.md5/sha1/sha256 and crypto.hmac.*: hex digests of the UTF-8 bytes, with JDK crypto. */
final class Crypto {
  private Crypto() {}

  static void register(BuiltinRegistry r) {
    def(r, "crypto.md5", (ctx, a) -> s(digest("MD5", str(a, 1))));
    def(r, "crypto.sha1", (ctx, a) -> s(digest("SHA-1", str(a, 1))));
    def(r, "crypto.sha256", (ctx, a) -> s(digest("SHA-256", str(a, 1))));
    def(r, "crypto.hmac.md5", (ctx, a) -> s(HexFormat.of().formatHex(hmac("HmacMD5", str(a, 1), str(a, 2)))));
    def(r, "crypto.hmac.sha1", (ctx, a) -> s(HexFormat.of().formatHex(hmac("HmacSHA1", str(a, 1), str(a, 2)))));
    def(r, "crypto.hmac.sha256", (ctx, a) -> s(HexFormat.of().formatHex(hmac("HmacSHA256", str(a, 1), str(a, 2)))));
    def(r, "crypto.hmac.sha512", (ctx, a) -> s(HexFormat.of().formatHex(hmac("HmacSHA512", str(a, 1), str(a, 2)))));
    def(r, "crypto.hmac.equal", (ctx, a) -> b(MessageDigest.isEqual(
        str(a, 1).getBytes(StandardCharsets.UTF_8), str(a, 2).getBytes(StandardCharsets.UTF_8))));
  }

  static String digest(String alg, String x) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(x.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw Args.fail(e.getMessage());
    }
  }

  static byte[] hmac(String alg, String message, String key) {
    return hmac(alg, message.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(String alg, byte[] message, byte[] key) {
    try {
      Mac mac = Mac.getInstance(alg);
      // An empty key is legal for HMAC but not for SecretKeySpec; one zero byte is equivalent after padding.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, alg));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw Args.fail(e.getMessage());
    }
  }
}
