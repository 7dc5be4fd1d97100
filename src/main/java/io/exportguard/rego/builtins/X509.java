package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * crypto.x509.parse_certificates, parse_and_verify_certificates(_with_options) and
 * parse_rsa_private_key. Certificates come out with the field names and shapes of Go's
 * x509.Certificate JSON for the commonly used fields (Subject, Issuer, NotBefore, NotAfter, DNSNames,
 * SerialNumber, KeyUsage, ExtKeyUsage, IsCA, Extensions, ...); rarely used fields are left out.
 */
final class X509 {
  private X509() {}

  private static final Map<String, Integer> SIG_ALGS = Map.ofEntries(
      Map.entry("1.2.840.113549.1.1.2", 1), Map.entry("1.2.840.113549.1.1.4", 2), Map.entry("1.2.840.113549.1.1.5", 3),
      Map.entry("1.2.840.113549.1.1.11", 4), Map.entry("1.2.840.113549.1.1.12", 5), Map.entry("1.2.840.113549.1.1.13", 6),
      Map.entry("1.2.840.10040.4.3", 7), Map.entry("2.16.840.1.101.3.4.3.2", 8), Map.entry("1.2.840.10045.4.1", 9),
      Map.entry("1.2.840.10045.4.3.2", 10), Map.entry("1.2.840.10045.4.3.3", 11), Map.entry("1.2.840.10045.4.3.4", 12),
      Map.entry("1.2.840.113549.1.1.10", 13), Map.entry("1.3.101.112", 16));
  private static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
      Map.entry("2.5.29.37.0", 0), Map.entry("1.3.6.1.5.5.7.3.1", 1), Map.entry("1.3.6.1.5.5.7.3.2", 2),
      Map.entry("1.3.6.1.5.5.7.3.3", 3), Map.entry("1.3.6.1.5.5.7.3.4", 4), Map.entry("1.3.6.1.5.5.7.3.5", 5),
      Map.entry("1.3.6.1.5.5.7.3.6", 6), Map.entry("1.3.6.1.5.5.7.3.7", 7), Map.entry("1.3.6.1.5.5.7.3.8", 8),
      Map.entry("1.3.6.1.5.5.7.3.9", 9));

  static void register(BuiltinRegistry r) {
    def(r, "crypto.x509.parse_certificates", (ctx, a) -> {
      List<X509Certificate> certs = certificates(str(a, 1));
      List<Value> out = new ArrayList<>();
      for (X509Certificate c : certs) out.add(toValue(c));
      return ArrayValue.of(out);
    });
    def(r, "crypto.x509.parse_and_verify_certificates", (ctx, a) -> verified(ctx, str(a, 1)));
    def(r, "crypto.x509.parse_and_verify_certificates_with_options", (ctx, a) -> {
      Args.obj(a, 2);
      return verified(ctx, str(a, 1));
    });
    def(r, "crypto.x509.parse_rsa_private_key", (ctx, a) -> rsaPrivateKey(str(a, 1)));
  }

  static List<X509Certificate> certificates(String input) {
    String text = input.trim();
    byte[] raw;
    if (!text.startsWith("-----BEGIN")) {
      try {
        raw = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw Args.fail("illegal base64 data: " + e.getMessage());
      }
      String decoded = new String(raw, StandardCharsets.ISO_8859_1);
      if (decoded.trim().startsWith("-----BEGIN")) text = decoded.trim();
      else return parse(raw);
    }
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] der : Der.pemBlocks(text, "CERTIFICATE")) out.addAll(parse(der));
    if (out.isEmpty()) throw Args.fail("x509: no certificates found");
    return out;
  }

  private static List<X509Certificate> parse(byte[] der) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      Collection<? extends java.security.cert.Certificate> cs =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
      for (var c : cs) out.add((X509Certificate) c);
      if (out.isEmpty()) throw Args.fail("x509: malformed certificate");
      return out;
    } catch (GeneralSecurityException e) {
      throw Args.fail("x509: malformed certificate: " + e.getMessage());
    }
  }

  /** [valid, certs]: the first certificate is the trusted root, the last the leaf. */
  private static Value verified(BuiltinContext ctx, String input) {
    ArrayValue invalid = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    List<X509Certificate> certs;
    try {
      certs = certificates(input);
    } catch (BuiltinException e) {
      return invalid;
    }
    if (certs.size() < 2) return invalid;
    try {
      List<X509Certificate> path = new ArrayList<>(certs.subList(1, certs.size()));
      java.util.Collections.reverse(path);
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(certs.get(0), null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(ctx.now()));
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    } catch (GeneralSecurityException e) {
      return invalid;
    }
    List<Value> out = new ArrayList<>();
    for (X509Certificate c : certs) out.add(toValue(c));
    return ArrayValue.of(BooleanValue.TRUE, ArrayValue.of(out));
  }

  private static Value b64(byte[] b) { return b == null ? NullValue.INSTANCE : s(Base64.getEncoder().encodeToString(b)); }

  private static Value strings(Collection<String> xs) {
    if (xs == null || xs.isEmpty()) return NullValue.INSTANCE;
    return ArrayValue.of(xs.stream().map(StringValue::of).toList());
  }

  static ObjectValue toValue(X509Certificate c) {
    try {
      ObjectValue.Builder o = ObjectValue.builder();
      o.put("Raw", b64(c.getEncoded()));
      o.put("RawTBSCertificate", b64(c.getTBSCertificate()));
      o.put("RawSubject", b64(c.getSubjectX500Principal().getEncoded()));
      o.put("RawIssuer", b64(c.getIssuerX500Principal().getEncoded()));
      o.put("Signature", b64(c.getSignature()));
      o.put("SignatureAlgorithm", NumberValue.of(SIG_ALGS.getOrDefault(c.getSigAlgOID(), 0)));
      PublicKey pk = c.getPublicKey();
      o.put("PublicKeyAlgorithm", NumberValue.of(pk instanceof RSAPublicKey ? 1 : pk instanceof ECPublicKey ? 3
          : pk.getAlgorithm().equals("Ed25519") || pk.getAlgorithm().equals("EdDSA") ? 4 : 0));
      o.put("PublicKey", publicKey(pk));
      o.put("Version", NumberValue.of(c.getVersion()));
      o.put("SerialNumber", NumberValue.of(c.getSerialNumber()));
      o.put("Issuer", name(c.getIssuerX500Principal().getEncoded()));
      o.put("Subject", name(c.getSubjectX500Principal().getEncoded()));
      o.put("NotBefore", s(c.getNotBefore().toInstant().toString()));
      o.put("NotAfter", s(c.getNotAfter().toInstant().toString()));
      int usage = 0;
      boolean[] ku = c.getKeyUsage();
      if (ku != null) for (int i = 0; i < ku.length && i < 9; i++) if (ku[i]) usage |= 1 << i;
      o.put("KeyUsage", NumberValue.of(usage));
      o.put("Extensions", extensions(c));
      List<String> eku = c.getExtendedKeyUsage();
      List<Value> ekuOut = new ArrayList<>();
      List<Value> unknown = new ArrayList<>();
      if (eku != null) {
        for (String oid : eku) {
          Integer known = EXT_KEY_USAGES.get(oid);
          if (known != null) ekuOut.add(NumberValue.of(known));
          else unknown.add(oidValue(oid));
        }
      }
      o.put("ExtKeyUsage", ekuOut.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(ekuOut));
      o.put("UnknownExtKeyUsage", unknown.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(unknown));
      int bc = c.getBasicConstraints();
      boolean hasBc = c.getExtensionValue("2.5.29.19") != null;
      o.put("BasicConstraintsValid", BooleanValue.of(hasBc));
      o.put("IsCA", BooleanValue.of(bc >= 0));
      o.put("MaxPathLen", NumberValue.of(bc < 0 ? (hasBc ? -1 : 0) : bc == Integer.MAX_VALUE ? -1 : bc));
      o.put("MaxPathLenZero", BooleanValue.of(bc == 0));
      o.put("SubjectKeyId", b64(keyId(c.getExtensionValue("2.5.29.14"), false)));
      o.put("AuthorityKeyId", b64(keyId(c.getExtensionValue("2.5.29.35"), true)));
      List<String> dns = new ArrayList<>();
      List<String> emails = new ArrayList<>();
      List<String> ips = new ArrayList<>();
      Collection<List<?>> sans = c.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == 2) dns.add((String) san.get(1));
          else if (type == 1) emails.add((String) san.get(1));
          else if (type == 7) ips.add((String) san.get(1));
        }
      }
      o.put("DNSNames", strings(dns));
      o.put("EmailAddresses", strings(emails));
      o.put("IPAddresses", strings(ips));
      return o.build();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw Args.fail("x509: " + e.getMessage());
    }
  }

  private static Value publicKey(PublicKey pk) {
    if (pk instanceof RSAPublicKey rsa) {
      return ObjectValue.builder().put("N", NumberValue.of(rsa.getModulus()))
          .put("E", NumberValue.of(rsa.getPublicExponent())).build();
    }
    if (pk instanceof ECPublicKey ec) {
      return ObjectValue.builder().put("X", NumberValue.of(ec.getW().getAffineX()))
          .put("Y", NumberValue.of(ec.getW().getAffineY())).build();
    }
    return b64(pk.getEncoded());
  }

  private static Value oidValue(String dotted) {
    List<Value> arcs = new ArrayList<>();
    for (String p : dotted.split("\\.")) arcs.add(NumberValue.of(new BigInteger(p)));
    return ArrayValue.of(arcs);
  }

  private static Value extensions(X509Certificate c) {
    List<Value> out = new ArrayList<>();
    // Extensions in certificate order, read from the TBS structure.
    try {
      Der.Element tbs = Der.read(c.getTBSCertificate(), new int[] {0});
      for (Der.Element e : tbs.children()) {
        if (e.tag() != 0xA3) continue;
        for (Der.Element ext : e.children().get(0).children()) {
          List<Der.Element> parts = ext.children();
          boolean critical = parts.size() == 3 && parts.get(1).tag() == 0x01 && parts.get(1).content()[0] != 0;
          Der.Element value = parts.get(parts.size() - 1);
          List<Value> arcs = new ArrayList<>();
          for (long arc : parts.get(0).oid()) arcs.add(NumberValue.of(arc));
          out.add(ObjectValue.builder().put("Id", ArrayValue.of(arcs)).put("Critical", BooleanValue.of(critical))
              .put("Value", b64(value.content())).build());
        }
      }
    } catch (RuntimeException | java.security.cert.CertificateEncodingException e) {
      return NullValue.INSTANCE;
    }
    return out.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(out);
  }

  /** The key identifier inside a SubjectKeyIdentifier or AuthorityKeyIdentifier extension value. */
  private static byte[] keyId(byte[] extValue, boolean authority) {
    if (extValue == null) return null;
    try {
      Der.Element inner = Der.read(Der.read(extValue, new int[] {0}).content(), new int[] {0});
      if (!authority) return inner.content();
      for (Der.Element e : inner.children()) if (e.tag() == 0x80) return e.content();
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Go's pkix.Name JSON from a DER-encoded X.500 name. */
  static ObjectValue name(byte[] der) {
    Map<String, String> fields = Map.of("2.5.4.6", "Country", "2.5.4.10", "Organization", "2.5.4.11",
        "OrganizationalUnit", "2.5.4.7", "Locality", "2.5.4.8", "Province", "2.5.4.9", "StreetAddress",
        "2.5.4.17", "PostalCode");
    java.util.TreeMap<String, List<Value>> multi = new java.util.TreeMap<>();
    String serial = "";
    String cn = "";
    List<Value> names = new ArrayList<>();
    for (Der.Element rdn : Der.read(der, new int[] {0}).children()) {
      for (Der.Element atv : rdn.children()) {
        List<Der.Element> p = atv.children();
        List<Long> oid = p.get(0).oid();
        String dotted = String.join(".", oid.stream().map(String::valueOf).toList());
        String value = p.get(1).string();
        List<Value> arcs = new ArrayList<>();
        for (long arc : oid) arcs.add(NumberValue.of(arc));
        names.add(ObjectValue.builder().put("Type", ArrayValue.of(arcs)).put("Value", s(value)).build());
        if (fields.containsKey(dotted)) multi.computeIfAbsent(fields.get(dotted), k -> new ArrayList<>()).add(s(value));
        else if (dotted.equals("2.5.4.3")) cn = value;
        else if (dotted.equals("2.5.4.5")) serial = value;
      }
    }
    ObjectValue.Builder o = ObjectValue.builder();
    for (String f : fields.values()) {
      List<Value> v = multi.get(f);
      o.put(f, v == null ? NullValue.INSTANCE : ArrayValue.of(v));
    }
    o.put("SerialNumber", s(serial));
    o.put("CommonName", s(cn));
    o.put("Names", names.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(names));
    o.put("ExtraNames", NullValue.INSTANCE);
    return o.build();
  }

  /** An RSA private key (PKCS#1 or PKCS#8 PEM) as a JWK object. */
  private static Value rsaPrivateKey(String pem) {
    try {
      List<byte[]> pkcs1 = Der.pemBlocks(pem, "RSA PRIVATE KEY");
      List<Der.Element> f;
      if (!pkcs1.isEmpty()) {
        f = Der.read(pkcs1.get(0), new int[] {0}).children();
      } else {
        List<byte[]> pkcs8 = Der.pemBlocks(pem, "PRIVATE KEY");
        if (pkcs8.isEmpty()) throw Args.fail("failed to parse PEM block containing the key");
        List<Der.Element> outer = Der.read(pkcs8.get(0), new int[] {0}).children();
        f = Der.read(outer.get(2).content(), new int[] {0}).children();
      }
      String[] names = {"n", "e", "d", "p", "q", "dp", "dq", "qi"};
      ObjectValue.Builder o = ObjectValue.builder().put("kty", s("RSA"));
      for (int i = 0; i < names.length; i++) {
        byte[] b = f.get(i + 1).integer().toByteArray();
        if (b.length > 1 && b[0] == 0) b = java.util.Arrays.copyOfRange(b, 1, b.length);
        o.put(names[i], s(Base64.getUrlEncoder().withoutPadding().encodeToString(b)));
      }
      return o.build();
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw Args.fail("failed to parse RSA private key: " + e.getMessage());
    }
  }
}
