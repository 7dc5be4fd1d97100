package io.exportguard.policy.bundle;

import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.io.ByteArrayInputStream;

/**
 * A key for bundle signatures, as OPA takes it: an HMAC secret (HS256/384/512), or a PEM file with
 * an RSA or EC public key or certificate (to verify) or PKCS#8 private key (to sign).
 *
 * @param algorithm the JWS algorithm, e.g. RS256
 * @param key the public or private key; null for HMAC
 * @param secret the HMAC secret; null otherwise
 */
public record BundleKey(JWSAlgorithm algorithm, Key key, byte[] secret) {
  private static final Set<String> SUPPORTED = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "HS256", "HS384", "HS512");

  /** True for HS256/384/512. */
  public boolean hmac() { return JWSAlgorithm.Family.HMAC_SHA.contains(algorithm); }

  /**
   * Reads a key: {@code value} is a PEM file's path or, for HMAC only, the secret itself (as OPA's
   * {@code --verification-key}). {@code signing} picks a private key over a public one.
   */
  public static BundleKey load(String value, String algorithm, boolean signing) throws BundleException {
    String alg = algorithm == null ? "RS256" : algorithm.toUpperCase(java.util.Locale.ROOT);
    if (!SUPPORTED.contains(alg)) {
      throw new BundleException("--signing-alg " + algorithm + ": expected one of RS256, RS384, RS512, PS256, PS384,"
          + " PS512, ES256, ES384, ES512, HS256, HS384, HS512");
    }
    JWSAlgorithm jws = JWSAlgorithm.parse(alg);
    Path file = Path.of(value);
    boolean isFile = Files.isRegularFile(file);
    if (JWSAlgorithm.Family.HMAC_SHA.contains(jws)) {
      byte[] secret = isFile ? read(file) : value.getBytes(StandardCharsets.UTF_8);
      return new BundleKey(jws, null, secret);
    }
    if (!isFile) throw new BundleException(value + ": no such key file (a PEM file is needed for " + alg + ")");
    String pem = new String(read(file), StandardCharsets.US_ASCII);
    return new BundleKey(jws, signing ? privateKey(value, pem, jws) : publicKey(value, pem, jws), null);
  }

  private static byte[] read(Path file) throws BundleException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BundleException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static String keyType(JWSAlgorithm alg) {
    return JWSAlgorithm.Family.EC.contains(alg) ? "EC" : "RSA";
  }

  private static PublicKey publicKey(String file, String pem, JWSAlgorithm alg) throws BundleException {
    try {
      byte[] cert = block(pem, "CERTIFICATE");
      if (cert != null) {
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(cert)).getPublicKey();
      }
      byte[] spki = block(pem, "PUBLIC KEY");
      if (spki == null) {
        throw new BundleException(file + ": no PEM 'PUBLIC KEY' or 'CERTIFICATE' block (PKCS#1 'RSA PUBLIC KEY' is"
            + " not read: convert it with openssl rsa -RSAPublicKey_in -pubout)");
      }
      return KeyFactory.getInstance(keyType(alg)).generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BundleException(file + ": not a " + keyType(alg) + " public key for " + alg + ": " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(String file, String pem, JWSAlgorithm alg) throws BundleException {
    byte[] pkcs8 = block(pem, "PRIVATE KEY");
    if (pkcs8 == null) {
      throw new BundleException(file + ": no PEM 'PRIVATE KEY' (PKCS#8) block; convert a traditional key with"
          + " openssl pkcs8 -topk8 -nocrypt");
    }
    try {
      return KeyFactory.getInstance(keyType(alg)).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BundleException(file + ": not a " + keyType(alg) + " private key for " + alg + ": " + e.getMessage());
    }
  }

  /** The DER bytes of the first PEM block of this type, or null. */
  private static byte[] block(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----";
    int b = pem.indexOf(begin);
    if (b < 0) return null;
    int e = pem.indexOf("-----END " + type + "-----", b);
    if (e < 0) return null;
    return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
  }
}
