package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Keys for io.jwt.*: PEM certificates and public keys, JWKs and JWK sets, with JDK crypto only. */
final class JwtKeys {
  private JwtKeys() {}

  /**
   * Verification keys, as OPA reads them: a single PEM block (a CERTIFICATE or a PUBLIC KEY, nothing
   * after it), else a JWK or a JWK set.
   */
  static List<Key> verificationKeys(String text) {
    List<Key> out = new ArrayList<>();
    List<Der.PemBlock> blocks = Der.pem(text);
    if (!blocks.isEmpty()) {
      String afterBlock = text.substring(text.indexOf("-----END ") + 9);
      afterBlock = afterBlock.substring(afterBlock.indexOf("-----") + 5).replaceFirst("^\\r?\\n", "");
      if (!afterBlock.isEmpty()) throw Args.fail("extra data after a PEM certificate block");
      Der.PemBlock block = blocks.get(0);
      try {
        if (block.type().equals("CERTIFICATE")) {
          CertificateFactory cf = CertificateFactory.getInstance("X.509");
          out.add(cf.generateCertificate(new ByteArrayInputStream(block.bytes())).getPublicKey());
          return out;
        }
        if (block.type().equals("PUBLIC KEY")) {
          out.add(publicKeyFromDer(block.bytes()));
          return out;
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        throw Args.fail("failed to parse a PEM " + (block.type().equals("CERTIFICATE") ? "certificate" : "public key")
            + ": " + e.getMessage());
      }
      throw Args.fail("failed to extract a Key from the PEM certificate");
    }
    try {
      Value v = Json.parse(text);
      if (v instanceof ObjectValue o && o.get("keys") instanceof ArrayValue keys) {
        for (Value k : keys.items()) if (k instanceof ObjectValue jwk) out.add(fromJwk(jwk, false));
        return out;
      }
      if (v instanceof ObjectValue jwk) {
        out.add(fromJwk(jwk, false));
        return out;
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw Args.fail("failed to parse a JWK key (set): " + e.getMessage());
    }
    throw Args.fail("failed to parse a JWK key (set): unknown key format");
  }

  static byte[] pemBody(String pem) {
    StringBuilder b64 = new StringBuilder();
    for (String line : pem.split("\n")) {
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("-----")) continue;
      b64.append(l);
    }
    return Base64.getDecoder().decode(b64.toString());
  }

  private static PublicKey publicKeyFromDer(byte[] der) throws GeneralSecurityException {
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new GeneralSecurityException("unsupported public key");
  }

  /** A key from a JWK; with {@code priv} the private half (RSA, EC) or the secret (oct). */
  static Key fromJwk(ObjectValue jwk, boolean priv) throws GeneralSecurityException {
    String kty = text(jwk, "kty");
    switch (kty) {
      case "oct":
        return new SecretKeySpec(b64u(text(jwk, "k")), "HMAC");
      case "RSA": {
        BigInteger n = num(jwk, "n");
        BigInteger e = num(jwk, "e");
        KeyFactory kf = KeyFactory.getInstance("RSA");
        if (!priv) return kf.generatePublic(new RSAPublicKeySpec(n, e));
        BigInteger d = num(jwk, "d");
        if (jwk.get("p") != null) {
          return kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, num(jwk, "p"), num(jwk, "q"), num(jwk, "dp"),
              num(jwk, "dq"), num(jwk, "qi")));
        }
        return kf.generatePrivate(new RSAPrivateKeySpec(n, d));
      }
      case "EC": {
        ECParameterSpec params = curve(text(jwk, "crv"));
        KeyFactory kf = KeyFactory.getInstance("EC");
        if (priv) return kf.generatePrivate(new ECPrivateKeySpec(num(jwk, "d"), params));
        return kf.generatePublic(new ECPublicKeySpec(new ECPoint(num(jwk, "x"), num(jwk, "y")), params));
      }
      default:
        throw new GeneralSecurityException("unsupported key type " + kty);
    }
  }

  static ECParameterSpec curve(String crv) throws GeneralSecurityException {
    String name = switch (crv) {
      case "P-256" -> "secp256r1";
      case "P-384" -> "secp384r1";
      case "P-521" -> "secp521r1";
      default -> throw new GeneralSecurityException("unsupported curve " + crv);
    };
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec(name));
    return p.getParameterSpec(ECParameterSpec.class);
  }

  /** A PEM private key (PKCS#8) for signing. */
  static Key privateFromPem(String pem) throws GeneralSecurityException {
    byte[] der = pemBody(pem);
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new GeneralSecurityException("unsupported private key");
  }

  private static String text(ObjectValue o, String k) {
    if (o.get(k) instanceof StringValue s) return s.value();
    throw new IllegalArgumentException("missing \"" + k + "\"");
  }

  private static BigInteger num(ObjectValue o, String k) { return new BigInteger(1, b64u(text(o, k))); }

  static byte[] b64u(String s) { return Base64.getUrlDecoder().decode(s.replace("=", "")); }
}
