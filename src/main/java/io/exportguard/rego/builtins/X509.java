package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crypto.x509 builtins and crypto.parse_private_keys: certificates, chains, certificate requests,
 * key pairs and private keys, read from PEM, base64 of PEM or base64 of DER as OPA reads them, and
 * returned in Go's JSON shapes ({@link X509Json}).
 */
final class X509 {
  private X509() {}

  private static final String BEGIN = "-----BEGIN";
  private static final Map<String, String> KEY_USAGES = Map.ofEntries(Map.entry("KeyUsageAny", "2.5.29.37.0"),
      Map.entry("KeyUsageServerAuth", "1.3.6.1.5.5.7.3.1"), Map.entry("KeyUsageClientAuth", "1.3.6.1.5.5.7.3.2"),
      Map.entry("KeyUsageCodeSigning", "1.3.6.1.5.5.7.3.3"), Map.entry("KeyUsageEmailProtection", "1.3.6.1.5.5.7.3.4"),
      Map.entry("KeyUsageIPSECEndSystem", "1.3.6.1.5.5.7.3.5"), Map.entry("KeyUsageIPSECTunnel", "1.3.6.1.5.5.7.3.6"),
      Map.entry("KeyUsageIPSECUser", "1.3.6.1.5.5.7.3.7"), Map.entry("KeyUsageTimeStamping", "1.3.6.1.5.5.7.3.8"),
      Map.entry("KeyUsageOCSPSigning", "1.3.6.1.5.5.7.3.9"),
      Map.entry("KeyUsageMicrosoftServerGatedCrypto", "1.3.6.1.4.1.311.10.3.3"),
      Map.entry("KeyUsageNetscapeServerGatedCrypto", "2.16.840.1.113730.4.1"),
      Map.entry("KeyUsageMicrosoftCommercialCodeSigning", "1.3.6.1.4.1.311.2.1.22"),
      Map.entry("KeyUsageMicrosoftKernelCodeSigning", "1.3.6.1.4.1.311.61.1.1"));

  static void register(BuiltinRegistry r) {
    Args.def(r, "crypto.x509.parse_certificates", X509::parseCertificates);
    Args.def(r, "crypto.x509.parse_and_verify_certificates", X509::parseAndVerifyCertificates);
    Args.def(r, "crypto.x509.parse_and_verify_certificates_with_options", X509::parseAndVerifyCertificatesWithOptions);
    Args.def(r, "crypto.x509.parse_certificate_request", X509::parseCertificateRequest);
    Args.def(r, "crypto.x509.parse_keypair", X509::parseKeyPair);
    Args.def(r, "crypto.x509.parse_rsa_private_key", X509::parseRsaPrivateKey);
    Args.def(r, "crypto.parse_private_keys", X509::parsePrivateKeys);
  }

  static Value parseCertificates(BuiltinContext ctx, List<Value> a) {
    List<Value> out = new ArrayList<>();
    for (X509Certificate c : certificates(str(a, 1))) out.add(X509Json.certificate(c, true));
    return ArrayValue.of(out);
  }

  static Value parseAndVerifyCertificates(BuiltinContext ctx, List<Value> a) {
    return verified(str(a, 1), new VerifyOptions(null, ctx.now(), List.of()), true);
  }

  /** Options DNSName, CurrentTime (ns), MaxConstraintComparisons and KeyUsages, as OPA reads them. */
  static Value parseAndVerifyCertificatesWithOptions(BuiltinContext ctx, List<Value> a) {
    String input = str(a, 1);
    ObjectValue options = Args.obj(a, 2);
    String dnsName = null;
    Instant now = ctx.now();
    List<String> usages = new ArrayList<>();
    for (Map.Entry<Value, Value> e : options.entries().entrySet()) {
      if (!(e.getKey() instanceof StringValue key)) continue;
      Value v = e.getValue();
      switch (key.value()) {
        case "DNSName":
          if (!(v instanceof StringValue d)) throw Args.fail("'DNSName' should be a string");
          dnsName = d.value();
          break;
        case "CurrentTime":
          if (!(v instanceof NumberValue n)) throw Args.fail("'CurrentTime' should be a number");
          Long ns = n.longValueOrNull();
          if (ns == null) throw Args.fail("'CurrentTime' should be a valid int64 number");
          now = Instant.ofEpochSecond(0, ns);
          break;
        case "MaxConstraintComparisons":
          if (!(v instanceof NumberValue m)) throw Args.fail("'MaxConstraintComparisons' should be a number");
          if (m.intValueOrNull() == null) throw Args.fail("'MaxConstraintComparisons' should be a valid number");
          break;
        case "KeyUsages":
          usages = keyUsages(v);
          break;
        default:
          throw Args.fail("invalid key option");
      }
    }
    return verified(input, new VerifyOptions(dnsName, now, usages), false);
  }

  private static List<String> keyUsages(Value v) {
    List<Value> items;
    if (v instanceof ArrayValue arr) items = arr.items();
    else if (v instanceof SetValue set) items = new ArrayList<>(set.items());
    else throw Args.fail("'KeyUsages' should be an Array or Set");
    List<String> oids = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (Value item : items) {
      if (!(item instanceof StringValue u)) continue;
      String oid = KEY_USAGES.get(u.value());
      if (oid == null) invalid.add(u.value());
      else oids.add(oid);
    }
    if (!invalid.isEmpty()) throw Args.fail("invalid entries for 'KeyUsages' found: [" + String.join(" ", invalid) + "]");
    return oids;
  }

  /** Certificates from PEM, base64 of PEM, or base64 of concatenated DER; every PEM block must be a certificate. */
  static List<X509Certificate> certificates(String input) {
    byte[] bytes;
    if (input.startsWith(BEGIN)) {
      bytes = input.getBytes(StandardCharsets.UTF_8);
    } else {
      bytes = Encoding.base64Decode(input, false);
      if (!startsWithBegin(bytes)) return parseDer(bytes);
    }
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    for (Der.PemBlock block : Der.pem(new String(bytes, StandardCharsets.ISO_8859_1))) {
      if (!block.type().equals("CERTIFICATE")) {
        throw Args.fail("PEM block type is '" + block.type() + "', expected CERTIFICATE");
      }
      der.writeBytes(block.bytes());
    }
    return parseDer(der.toByteArray());
  }

  private static boolean startsWithBegin(byte[] b) {
    return new String(b, 0, Math.min(b.length, BEGIN.length()), StandardCharsets.ISO_8859_1).equals(BEGIN);
  }

  private static List<X509Certificate> parseDer(byte[] der) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      Collection<? extends java.security.cert.Certificate> cs =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
      for (var c : cs) out.add((X509Certificate) c);
      return out;
    } catch (GeneralSecurityException e) {
      throw Args.fail("x509: malformed certificate: " + e.getMessage());
    }
  }

  private record VerifyOptions(String dnsName, Instant now, List<String> keyUsages) {}

  /**
   * [true, chain] when the last certificate chains to the first (the root) through the others, else
   * [false, []]. The chain comes back leaf first, as Go's verifier returns it.
   */
  private static Value verified(String input, VerifyOptions options, boolean withUriStrings) {
    ArrayValue invalid = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    List<X509Certificate> certs;
    try {
      certs = certificates(input);
    } catch (BuiltinException e) {
      return invalid;
    }
    if (certs.size() < 2) return invalid;
    List<X509Certificate> path = new ArrayList<>(certs.subList(1, certs.size()));
    java.util.Collections.reverse(path);
    X509Certificate leaf = path.get(0);
    try {
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(certs.get(0), null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(options.now()));
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
      if (options.dnsName() != null && !matchesHost(leaf, options.dnsName())) return invalid;
      if (!options.keyUsages().isEmpty() && !hasUsage(leaf, options.keyUsages())) return invalid;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return invalid;
    }
    path.add(certs.get(0));
    List<Value> out = new ArrayList<>();
    for (X509Certificate c : path) out.add(X509Json.certificate(c, withUriStrings));
    return ArrayValue.of(BooleanValue.TRUE, ArrayValue.of(out));
  }

  /** Go's VerifyHostname for DNS names: case-insensitive, a leading {@code *.} matches one label. */
  private static boolean matchesHost(X509Certificate leaf, String host) throws GeneralSecurityException {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
    if (sans == null) return false;
    for (List<?> san : sans) {
      if ((Integer) san.get(0) != 2) continue;
      String pattern = ((String) san.get(1)).toLowerCase(java.util.Locale.ROOT);
      if (pattern.equals(h)) return true;
      if (pattern.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(pattern.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUsage(X509Certificate leaf, List<String> wanted) throws GeneralSecurityException {
    if (wanted.contains("2.5.29.37.0")) return true;
    List<String> have = leaf.getExtendedKeyUsage();
    if (have == null || have.contains("2.5.29.37.0")) return true;
    for (String w : wanted) if (have.contains(w)) return true;
    return false;
  }

  /** A PKCS#10 request from PEM or base64 of DER (base64 of PEM works too: the PEM block is unwrapped). */
  static Value parseCertificateRequest(BuiltinContext ctx, List<Value> a) {
    String input = str(a, 1);
    byte[] bytes = input.startsWith("-----BEGIN CERTIFICATE REQUEST-----") ? input.getBytes(StandardCharsets.UTF_8)
        : Encoding.base64Decode(input, false);
    List<Der.PemBlock> blocks = Der.pem(new String(bytes, StandardCharsets.ISO_8859_1));
    if (!blocks.isEmpty()) {
      if (!blocks.get(0).type().equals("CERTIFICATE REQUEST")) throw Args.fail("invalid PEM-encoded certificate signing request");
      bytes = blocks.get(0).bytes();
    }
    try {
      return X509Json.certificateRequest(bytes);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw Args.fail("x509: malformed certificate request");
    }
  }

  /**
   * A certificate chain and its private key, as Go's tls.X509KeyPair pairs them (the key must match
   * the leaf's public key): {Certificate: [DER...], PrivateKey, Leaf, ...}.
   */
  static Value parseKeyPair(BuiltinContext ctx, List<Value> a) {
    byte[] cert = pemOrDer(str(a, 1), "CERTIFICATE");
    // OPA reports the key operand as operand 1 too.
    if (!(a.get(1) instanceof StringValue keyText)) throw Args.typeError(1, a.get(1), "string");
    byte[] key = pemOrDer(keyText.value(), "PRIVATE KEY");
    List<Der.PemBlock> certBlocks = Der.pem(new String(cert, StandardCharsets.ISO_8859_1));
    List<byte[]> ders = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Der.PemBlock b : certBlocks) {
      if (b.type().equals("CERTIFICATE")) ders.add(b.bytes());
      else skipped.add(b.type());
    }
    if (ders.isEmpty()) {
      throw Args.fail(skipped.isEmpty() ? "tls: failed to find any PEM data in certificate input"
          : "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: "
              + skipped);
    }
    Der.PemBlock keyBlock = null;
    List<String> skippedKeys = new ArrayList<>();
    for (Der.PemBlock b : Der.pem(new String(key, StandardCharsets.ISO_8859_1))) {
      if (b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY")) {
        keyBlock = b;
        break;
      }
      skippedKeys.add(b.type());
    }
    if (keyBlock == null) {
      if (skippedKeys.isEmpty()) throw Args.fail("tls: failed to find any PEM data in key input");
      if (skippedKeys.size() == 1 && skippedKeys.get(0).equals("CERTIFICATE")) {
        throw Args.fail("tls: found a certificate rather than a key in the PEM for the private key");
      }
      throw Args.fail("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks "
          + "of the following types: " + skippedKeys);
    }
    X509Certificate leaf = parseDer(ders.get(0)).get(0);
    PrivateKey privateKey;
    try {
      privateKey = PrivateKeys.parse(keyBlock.type(), keyBlock.bytes());
    } catch (BuiltinException e) {
      throw Args.fail("tls: failed to parse private key");
    }
    PublicKey pub = leaf.getPublicKey();
    checkKeyMatches(pub, privateKey);
    List<Value> chain = new ArrayList<>();
    for (byte[] der : ders) chain.add(X509Json.b64(der));
    return ObjectValue.builder().put("Certificate", ArrayValue.of(chain))
        .put("PrivateKey", X509Json.privateKey(privateKey, pub))
        .put("SupportedSignatureAlgorithms", NullValue.INSTANCE).put("OCSPStaple", NullValue.INSTANCE)
        .put("SignedCertificateTimestamps", NullValue.INSTANCE).put("Leaf", X509Json.certificate(leaf, false)).build();
  }

  /** PEM text as given; otherwise base64 that decodes to PEM or to DER (wrapped in a PEM block of {@code type}). */
  private static byte[] pemOrDer(String text, String type) {
    if (text.startsWith("-----BEGIN ")) return text.getBytes(StandardCharsets.UTF_8);
    byte[] decoded = Encoding.base64Decode(text, false);
    if (startsWithBegin(decoded)) return decoded;
    return ("-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(decoded)
        + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static void checkKeyMatches(PublicKey pub, PrivateKey key) {
    if (pub instanceof RSAPublicKey rsa) {
      if (!(key instanceof RSAPrivateCrtKey priv)) throw Args.fail("tls: private key type does not match public key type");
      if (!rsa.getModulus().equals(priv.getModulus()) || !rsa.getPublicExponent().equals(priv.getPublicExponent())) {
        throw Args.fail("tls: private key does not match public key");
      }
    } else if (pub instanceof ECPublicKey || pub.getAlgorithm().equals("Ed25519") || pub.getAlgorithm().equals("EdDSA")) {
      boolean ec = pub instanceof ECPublicKey;
      if (ec != (key instanceof java.security.interfaces.ECPrivateKey)) {
        throw Args.fail("tls: private key type does not match public key type");
      }
      if (!signsFor(ec ? "SHA256withECDSA" : "Ed25519", key, pub)) throw Args.fail("tls: private key does not match public key");
    }
  }

  /** Whether a signature made with the private key verifies with the public key (the keys are a pair). */
  private static boolean signsFor(String algorithm, PrivateKey key, PublicKey pub) {
    try {
      byte[] probe = "exportguard key pair check".getBytes(StandardCharsets.US_ASCII);
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(pub);
      verifier.update(probe);
      return verifier.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** An RSA private key (PKCS#1 or PKCS#8, PEM or base64 of PEM) as a JWK. */
  static Value parseRsaPrivateKey(BuiltinContext ctx, List<Value> a) {
    String text = str(a, 1);
    if (text.isEmpty()) throw Args.fail("input PEM data was empty");
    if (!text.startsWith(BEGIN)) text = new String(Encoding.base64Decode(text, false), StandardCharsets.ISO_8859_1);
    List<PrivateKey> keys = PrivateKeys.fromPem(text);
    if (keys.isEmpty()) return NullValue.INSTANCE;
    if (!(keys.get(0) instanceof RSAPrivateCrtKey rsa)) throw Args.fail("unsupported key type");
    String[] names = {"n", "e", "d", "p", "q", "dp", "dq", "qi"};
    java.math.BigInteger[] parts = {rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(), rsa.getPrimeP(),
        rsa.getPrimeQ(), rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(), rsa.getCrtCoefficient()};
    ObjectValue.Builder o = ObjectValue.builder().put("kty", s("RSA"));
    for (int i = 0; i < names.length; i++) {
      byte[] b = parts[i].toByteArray();
      if (b.length > 1 && b[0] == 0) b = java.util.Arrays.copyOfRange(b, 1, b.length);
      o.put(names[i], s(Base64.getUrlEncoder().withoutPadding().encodeToString(b)));
    }
    return o.build();
  }

  /** Every RSA, EC and PKCS#8 private key in PEM (or base64 of PEM), in Go's JSON shapes; "" gives null. */
  static Value parsePrivateKeys(BuiltinContext ctx, List<Value> a) {
    String text = str(a, 1);
    if (text.isEmpty()) return NullValue.INSTANCE;
    try {
      text = new String(Base64.getDecoder().decode(text), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException notBase64) {
      // plain PEM text
    }
    List<Value> out = new ArrayList<>();
    for (PrivateKey k : PrivateKeys.fromPem(text)) out.add(X509Json.privateKey(k, null));
    return ArrayValue.of(out);
  }

  /** Private keys from PEM blocks, as Go's x509 parsers read PKCS#1, PKCS#8 and SEC 1 keys. */
  static final class PrivateKeys {
    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String EC_OID = "1.2.840.10045.2.1";

    private PrivateKeys() {}

    static List<PrivateKey> fromPem(String text) {
      List<PrivateKey> out = new ArrayList<>();
      for (Der.PemBlock b : Der.pem(text)) {
        if (Set.of("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY").contains(b.type())) out.add(parse(b.type(), b.bytes()));
      }
      return out;
    }

    static PrivateKey parse(String type, byte[] der) {
      try {
        switch (type) {
          case "RSA PRIVATE KEY":
            return KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(pkcs8(Der.sequence(Der.oid(RSA_OID), new byte[] {0x05, 0x00}), der)));
          case "EC PRIVATE KEY": {
            List<Der.Element> sec1 = Der.read(der, new int[] {0}).children();
            byte[] curve = null;
            for (Der.Element e : sec1) if (e.tag() == 0xA0) curve = e.children().get(0).encoded();
            if (curve == null) throw new IllegalArgumentException("EC key without named curve");
            return KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(pkcs8(Der.sequence(Der.oid(EC_OID), curve), der)));
          }
          default: {
            List<Der.Element> info = Der.read(der, new int[] {0}).children();
            String alg = String.join(".", info.get(1).children().get(0).oid().stream().map(String::valueOf).toList());
            String name = alg.equals(EC_OID) ? "EC" : alg.equals("1.3.101.112") ? "Ed25519" : "RSA";
            return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(der));
          }
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        throw Args.fail("x509: failed to parse private key: " + e.getMessage());
      }
    }

    /** Wraps a PKCS#1 or SEC 1 key in a PKCS#8 PrivateKeyInfo, which Java's key factories read. */
    private static byte[] pkcs8(byte[] algorithmIdentifier, byte[] key) {
      return Der.sequence(new byte[] {0x02, 0x01, 0x00}, algorithmIdentifier, Der.tagged(0x04, key));
    }
  }
}
