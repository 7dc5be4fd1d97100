package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.s;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * X.509 certificates, certificate requests and keys in the JSON shape of Go's {@code crypto/x509}
 * structs, which is what OPA returns: Go field names, byte slices as base64, big integers as numbers,
 * times in RFC 3339, absent lists as null.
 */
final class X509Json {
  private X509Json() {}

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
  private static final Map<String, String> NAME_FIELDS = Map.of("2.5.4.6", "Country", "2.5.4.10", "Organization",
      "2.5.4.11", "OrganizationalUnit", "2.5.4.7", "Locality", "2.5.4.8", "Province", "2.5.4.9", "StreetAddress",
      "2.5.4.17", "PostalCode");
  private static final String SAN = "2.5.29.17";

  static Value b64(byte[] b) { return b == null ? NullValue.INSTANCE : s(Base64.getEncoder().encodeToString(b)); }

  private static Value strings(Collection<String> xs) {
    return xs == null || xs.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(xs.stream().map(StringValue::of).toList());
  }

  private static Value list(List<Value> xs) { return xs.isEmpty() ? NullValue.INSTANCE : ArrayValue.of(xs); }

  static Value oid(List<Long> arcs) {
    List<Value> out = new ArrayList<>();
    for (long a : arcs) out.add(NumberValue.of(a));
    return ArrayValue.of(out);
  }

  private static String dotted(List<Long> arcs) { return String.join(".", arcs.stream().map(String::valueOf).toList()); }

  /** The subject alternative names, split as Go keeps them. */
  private record AltNames(List<String> dns, List<String> emails, List<String> ips, List<String> uris) {
    static AltNames from(byte[] sanExtensionValue) {
      AltNames n = new AltNames(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      if (sanExtensionValue == null) return n;
      for (Der.Element name : Der.read(sanExtensionValue, new int[] {0}).children()) {
        switch (name.tag() & 0x1F) {
          case 1: n.emails.add(new String(name.content(), java.nio.charset.StandardCharsets.US_ASCII)); break;
          case 2: n.dns.add(new String(name.content(), java.nio.charset.StandardCharsets.US_ASCII)); break;
          case 6: n.uris.add(new String(name.content(), java.nio.charset.StandardCharsets.US_ASCII)); break;
          case 7: n.ips.add(ip(name.content())); break;
          default:
        }
      }
      return n;
    }

    void putInto(ObjectValue.Builder o, boolean withUriStrings) {
      o.put("DNSNames", strings(dns)).put("EmailAddresses", strings(emails)).put("IPAddresses", strings(ips));
      List<Value> parsed = new ArrayList<>();
      for (String u : uris) parsed.add(url(u));
      o.put("URIs", list(parsed));
      if (withUriStrings) o.put("URIStrings", strings(uris));
    }
  }

  private static String ip(byte[] octets) {
    IpNet ip = IpNet.parseIp(octets.length == 4
        ? (octets[0] & 255) + "." + (octets[1] & 255) + "." + (octets[2] & 255) + "." + (octets[3] & 255)
        : java.util.HexFormat.ofDelimiter(":").formatHex(octets).replaceAll("(..):(..)", "$1$2"));
    return ip == null ? "" : ip.ipString();
  }

  /** Go's url.URL JSON for a URI name. */
  private static Value url(String u) {
    ObjectValue.Builder o = ObjectValue.builder();
    try {
      GoUrl p = GoUrl.parse(u);
      o.put("Scheme", s(p.scheme)).put("Opaque", s(p.opaque)).put("Host", s(p.host)).put("Path", s(p.path))
          .put("RawPath", s(p.rawPath)).put("RawQuery", s(p.rawQuery)).put("Fragment", s(p.fragment));
    } catch (GoUrl.ParseError e) {
      o.put("Scheme", s("")).put("Opaque", s("")).put("Host", s("")).put("Path", s(u)).put("RawPath", s(""))
          .put("RawQuery", s("")).put("Fragment", s(""));
    }
    return o.put("User", NullValue.INSTANCE).put("OmitHost", BooleanValue.FALSE).put("ForceQuery", BooleanValue.FALSE)
        .put("RawFragment", s("")).build();
  }

  /** Go's x509.Certificate JSON; {@code URIStrings} is OPA's addition for parse_certificates. */
  static ObjectValue certificate(X509Certificate c, boolean withUriStrings) {
    try {
      ObjectValue.Builder o = ObjectValue.builder();
      o.put("Raw", b64(c.getEncoded())).put("RawTBSCertificate", b64(c.getTBSCertificate()))
          .put("RawSubjectPublicKeyInfo", b64(c.getPublicKey().getEncoded()))
          .put("RawSubject", b64(c.getSubjectX500Principal().getEncoded()))
          .put("RawIssuer", b64(c.getIssuerX500Principal().getEncoded()))
          .put("Signature", b64(c.getSignature()))
          .put("SignatureAlgorithm", NumberValue.of(SIG_ALGS.getOrDefault(c.getSigAlgOID(), 0)));
      putPublicKey(o, c.getPublicKey());
      o.put("Version", NumberValue.of(c.getVersion())).put("SerialNumber", NumberValue.of(c.getSerialNumber()))
          .put("Issuer", name(c.getIssuerX500Principal().getEncoded()))
          .put("Subject", name(c.getSubjectX500Principal().getEncoded()))
          .put("NotBefore", s(c.getNotBefore().toInstant().toString()))
          .put("NotAfter", s(c.getNotAfter().toInstant().toString()));
      int usage = 0;
      boolean[] ku = c.getKeyUsage();
      if (ku != null) for (int i = 0; i < ku.length && i < 9; i++) if (ku[i]) usage |= 1 << i;
      o.put("KeyUsage", NumberValue.of(usage));
      List<Der.Element> exts = extensionElements(c.getTBSCertificate());
      o.put("Extensions", extensions(exts)).put("ExtraExtensions", NullValue.INSTANCE)
          .put("UnhandledCriticalExtensions", NullValue.INSTANCE);
      putExtKeyUsage(o, c.getExtendedKeyUsage());
      int bc = c.getBasicConstraints();
      boolean hasBc = c.getExtensionValue("2.5.29.19") != null;
      o.put("BasicConstraintsValid", BooleanValue.of(hasBc)).put("IsCA", BooleanValue.of(bc >= 0))
          .put("MaxPathLen", NumberValue.of(bc < 0 ? (hasBc ? -1 : 0) : bc == Integer.MAX_VALUE ? -1 : bc))
          .put("MaxPathLenZero", BooleanValue.of(bc == 0))
          .put("SubjectKeyId", b64(keyId(c.getExtensionValue("2.5.29.14"), false)))
          .put("AuthorityKeyId", b64(keyId(c.getExtensionValue("2.5.29.35"), true)));
      putAuthorityInfoAccess(o, extensionValue(exts, "1.3.6.1.5.5.7.1.1"));
      AltNames.from(extensionValue(exts, SAN)).putInto(o, withUriStrings);
      o.put("PermittedDNSDomainsCritical", BooleanValue.FALSE);
      for (String f : List.of("PermittedDNSDomains", "ExcludedDNSDomains", "PermittedIPRanges", "ExcludedIPRanges",
          "PermittedEmailAddresses", "ExcludedEmailAddresses", "PermittedURIDomains", "ExcludedURIDomains")) {
        o.put(f, NullValue.INSTANCE);
      }
      o.put("CRLDistributionPoints", strings(crlDistributionPoints(extensionValue(exts, "2.5.29.31"))));
      o.put("PolicyIdentifiers", policies(extensionValue(exts, "2.5.29.32")));
      return o.build();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw Args.fail("x509: " + e.getMessage());
    }
  }

  private static void putExtKeyUsage(ObjectValue.Builder o, List<String> eku) {
    List<Value> known = new ArrayList<>();
    List<Value> unknown = new ArrayList<>();
    if (eku != null) {
      for (String dotted : eku) {
        Integer k = EXT_KEY_USAGES.get(dotted);
        if (k != null) known.add(NumberValue.of(k));
        else unknown.add(oid(java.util.Arrays.stream(dotted.split("\\.")).map(Long::valueOf).toList()));
      }
    }
    o.put("ExtKeyUsage", list(known)).put("UnknownExtKeyUsage", list(unknown));
  }

  private static void putPublicKey(ObjectValue.Builder o, PublicKey pk) {
    o.put("PublicKeyAlgorithm", NumberValue.of(pk instanceof RSAPublicKey ? 1 : pk instanceof ECPublicKey ? 3
        : pk.getAlgorithm().equals("Ed25519") || pk.getAlgorithm().equals("EdDSA") ? 4 : 0));
    o.put("PublicKey", publicKey(pk));
  }

  /** Go's JSON of the key struct: RSA {N, E}, ECDSA {Curve, X, Y} (Go's curves marshal as {}), else bytes. */
  static Value publicKey(PublicKey pk) {
    if (pk instanceof RSAPublicKey rsa) {
      return ObjectValue.builder().put("N", NumberValue.of(rsa.getModulus())).put("E", NumberValue.of(rsa.getPublicExponent()))
          .build();
    }
    if (pk instanceof ECPublicKey ec) {
      return ObjectValue.builder().put("Curve", ObjectValue.EMPTY).put("X", NumberValue.of(ec.getW().getAffineX()))
          .put("Y", NumberValue.of(ec.getW().getAffineY())).build();
    }
    byte[] spki = pk.getEncoded();
    return b64(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
  }

  /** Go's JSON of rsa.PrivateKey (precomputed CRT values included), ecdsa.PrivateKey or ed25519 bytes. */
  static Value privateKey(PrivateKey key, PublicKey pub) {
    if (key instanceof RSAPrivateCrtKey rsa) {
      BigInteger p = rsa.getPrimeP();
      BigInteger q = rsa.getPrimeQ();
      return ObjectValue.builder().put("N", NumberValue.of(rsa.getModulus())).put("E", NumberValue.of(rsa.getPublicExponent()))
          .put("D", NumberValue.of(rsa.getPrivateExponent()))
          .put("Primes", ArrayValue.of(NumberValue.of(p), NumberValue.of(q)))
          .put("Precomputed", ObjectValue.builder().put("Dp", NumberValue.of(rsa.getPrimeExponentP()))
              .put("Dq", NumberValue.of(rsa.getPrimeExponentQ())).put("Qinv", NumberValue.of(rsa.getCrtCoefficient()))
              .put("CRTValues", ArrayValue.EMPTY).build())
          .build();
    }
    if (key instanceof ECPrivateKey ec) {
      java.security.spec.ECPoint w = pub instanceof ECPublicKey ecPub ? ecPub.getW() : publicPoint(ec);
      return ObjectValue.builder().put("Curve", ObjectValue.EMPTY).put("X", NumberValue.of(w.getAffineX()))
          .put("Y", NumberValue.of(w.getAffineY())).put("D", NumberValue.of(ec.getS())).build();
    }
    return b64(key.getEncoded());
  }

  /**
   * The public point d·G of an EC private key (Go derives it when parsing a key): double-and-add in
   * affine coordinates over the curve's prime field.
   */
  static java.security.spec.ECPoint publicPoint(ECPrivateKey key) {
    java.security.spec.ECParameterSpec params = key.getParams();
    BigInteger p = ((java.security.spec.ECFieldFp) params.getCurve().getField()).getP();
    BigInteger a = params.getCurve().getA();
    java.security.spec.ECPoint result = java.security.spec.ECPoint.POINT_INFINITY;
    java.security.spec.ECPoint addend = params.getGenerator();
    BigInteger d = key.getS();
    for (int i = 0; i < d.bitLength(); i++) {
      if (d.testBit(i)) result = add(result, addend, a, p);
      addend = add(addend, addend, a, p);
    }
    return result;
  }

  private static java.security.spec.ECPoint add(java.security.spec.ECPoint u, java.security.spec.ECPoint v, BigInteger a,
                                                BigInteger p) {
    if (u.equals(java.security.spec.ECPoint.POINT_INFINITY)) return v;
    if (v.equals(java.security.spec.ECPoint.POINT_INFINITY)) return u;
    BigInteger slope;
    if (u.getAffineX().equals(v.getAffineX())) {
      if (u.getAffineY().add(v.getAffineY()).mod(p).signum() == 0) return java.security.spec.ECPoint.POINT_INFINITY;
      BigInteger x = u.getAffineX();
      slope = x.multiply(x).multiply(BigInteger.valueOf(3)).add(a).multiply(u.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
    } else {
      slope = v.getAffineY().subtract(u.getAffineY()).multiply(v.getAffineX().subtract(u.getAffineX()).modInverse(p)).mod(p);
    }
    BigInteger x = slope.multiply(slope).subtract(u.getAffineX()).subtract(v.getAffineX()).mod(p);
    BigInteger y = slope.multiply(u.getAffineX().subtract(x)).subtract(u.getAffineY()).mod(p);
    return new java.security.spec.ECPoint(x, y);
  }

  /** The [0]-tagged extensions of a TBSCertificate, as DER elements. */
  private static List<Der.Element> extensionElements(byte[] tbs) {
    for (Der.Element e : Der.read(tbs, new int[] {0}).children()) {
      if (e.tag() == 0xA3) return e.children().get(0).children();
    }
    return List.of();
  }

  private static byte[] extensionValue(List<Der.Element> exts, String oid) {
    for (Der.Element ext : exts) {
      List<Der.Element> parts = ext.children();
      if (dotted(parts.get(0).oid()).equals(oid)) return parts.get(parts.size() - 1).content();
    }
    return null;
  }

  private static Value extensions(List<Der.Element> exts) {
    List<Value> out = new ArrayList<>();
    for (Der.Element ext : exts) {
      List<Der.Element> parts = ext.children();
      boolean critical = parts.size() == 3 && parts.get(1).tag() == 0x01 && parts.get(1).content()[0] != 0;
      out.add(ObjectValue.builder().put("Id", oid(parts.get(0).oid())).put("Critical", BooleanValue.of(critical))
          .put("Value", b64(parts.get(parts.size() - 1).content())).build());
    }
    return list(out);
  }

  /** OCSPServer and IssuingCertificateURL from the Authority Information Access extension. */
  private static void putAuthorityInfoAccess(ObjectValue.Builder o, byte[] aia) {
    List<String> ocsp = new ArrayList<>();
    List<String> issuers = new ArrayList<>();
    if (aia != null) {
      for (Der.Element desc : Der.read(aia, new int[] {0}).children()) {
        List<Der.Element> p = desc.children();
        if ((p.get(1).tag() & 0x1F) != 6) continue;
        String method = dotted(p.get(0).oid());
        String where = new String(p.get(1).content(), java.nio.charset.StandardCharsets.US_ASCII);
        if (method.equals("1.3.6.1.5.5.7.48.1")) ocsp.add(where);
        else if (method.equals("1.3.6.1.5.5.7.48.2")) issuers.add(where);
      }
    }
    o.put("OCSPServer", strings(ocsp)).put("IssuingCertificateURL", strings(issuers));
  }

  /** The URI full names of the CRL distribution points. */
  private static List<String> crlDistributionPoints(byte[] value) {
    List<String> out = new ArrayList<>();
    if (value == null) return out;
    for (Der.Element point : Der.read(value, new int[] {0}).children()) {
      for (Der.Element field : point.children()) {
        if (field.tag() != 0xA0) continue;
        for (Der.Element fullName : field.children()) {
          if (fullName.tag() != 0xA0) continue;
          for (Der.Element name : Der.readAll(fullName.content())) {
            if ((name.tag() & 0x1F) == 6) out.add(new String(name.content(), java.nio.charset.StandardCharsets.US_ASCII));
          }
        }
      }
    }
    return out;
  }

  private static Value policies(byte[] value) {
    List<Value> out = new ArrayList<>();
    if (value != null) {
      for (Der.Element policy : Der.read(value, new int[] {0}).children()) out.add(oid(policy.children().get(0).oid()));
    }
    return list(out);
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
    java.util.TreeMap<String, List<Value>> multi = new java.util.TreeMap<>();
    String serial = "";
    String cn = "";
    List<Value> names = new ArrayList<>();
    for (Der.Element rdn : Der.read(der, new int[] {0}).children()) {
      for (Der.Element atv : rdn.children()) {
        List<Der.Element> p = atv.children();
        String dotted = dotted(p.get(0).oid());
        String value = p.get(1).string();
        names.add(ObjectValue.builder().put("Type", oid(p.get(0).oid())).put("Value", s(value)).build());
        if (NAME_FIELDS.containsKey(dotted)) multi.computeIfAbsent(NAME_FIELDS.get(dotted), k -> new ArrayList<>()).add(s(value));
        else if (dotted.equals("2.5.4.3")) cn = value;
        else if (dotted.equals("2.5.4.5")) serial = value;
      }
    }
    ObjectValue.Builder o = ObjectValue.builder();
    for (String f : NAME_FIELDS.values()) {
      List<Value> v = multi.get(f);
      o.put(f, v == null ? NullValue.INSTANCE : ArrayValue.of(v));
    }
    return o.put("SerialNumber", s(serial)).put("CommonName", s(cn)).put("Names", list(names))
        .put("ExtraNames", NullValue.INSTANCE).build();
  }

  /** Go's x509.CertificateRequest JSON from a DER-encoded PKCS#10 request. */
  static ObjectValue certificateRequest(byte[] der) {
    List<Der.Element> outer = Der.read(der, new int[] {0}).children();
    Der.Element tbs = outer.get(0);
    List<Der.Element> info = tbs.children();
    Der.Element spki = info.get(2);
    String keyAlg = dotted(spki.children().get(0).children().get(0).oid());
    PublicKey pk = decodePublicKey(keyAlg, spki.encoded());
    List<Der.Element> exts = new ArrayList<>();
    List<Value> attributes = new ArrayList<>();
    if (info.size() > 3 && info.get(3).tag() == 0xA0) {
      for (Der.Element attr : Der.readAll(info.get(3).content())) {
        List<Der.Element> p = attr.children();
        Value legacy = legacyAttribute(p);
        if (legacy != null) attributes.add(legacy);
        if (dotted(p.get(0).oid()).equals("1.2.840.113549.1.9.14")) exts.addAll(p.get(1).children().get(0).children());
      }
    }
    byte[] signature = outer.get(2).content();
    ObjectValue.Builder o = ObjectValue.builder();
    o.put("Raw", b64(der)).put("RawTBSCertificateRequest", b64(tbs.encoded()))
        .put("RawSubjectPublicKeyInfo", b64(spki.encoded())).put("RawSubject", b64(info.get(1).encoded()))
        .put("Version", NumberValue.of(info.get(0).integer()))
        .put("Signature", b64(java.util.Arrays.copyOfRange(signature, 1, signature.length)))
        .put("SignatureAlgorithm", NumberValue.of(SIG_ALGS.getOrDefault(dotted(outer.get(1).children().get(0).oid()), 0)));
    putPublicKey(o, pk);
    o.put("Subject", name(info.get(1).encoded())).put("Attributes", list(attributes))
        .put("Extensions", extensions(exts)).put("ExtraExtensions", NullValue.INSTANCE);
    AltNames.from(extensionValue(exts, SAN)).putInto(o, false);
    return o.build();
  }

  /** The deprecated Attributes field: type and a set of type/value pairs, when the value has that shape. */
  private static Value legacyAttribute(List<Der.Element> attr) {
    List<Value> sets = new ArrayList<>();
    for (Der.Element set : Der.readAll(attr.get(1).content())) {
      List<Value> pairs = new ArrayList<>();
      for (Der.Element pair : set.children()) {
        List<Der.Element> p = pair.children();
        if (p.size() != 2 || p.get(0).tag() != 0x06) return null;
        Der.Element v = p.get(1);
        Value value = v.tag() == 0x04 ? b64(v.content()) : v.tag() == 0x01 ? BooleanValue.of(v.content()[0] != 0)
            : v.tag() == 0x02 ? NumberValue.of(v.integer()) : s(v.string());
        pairs.add(ObjectValue.builder().put("Type", oid(p.get(0).oid())).put("Value", value).build());
      }
      sets.add(ArrayValue.of(pairs));
    }
    return ObjectValue.builder().put("Type", oid(attr.get(0).oid())).put("Value", ArrayValue.of(sets)).build();
  }

  static PublicKey decodePublicKey(String algOid, byte[] spki) {
    String alg = switch (algOid) {
      case "1.2.840.113549.1.1.1" -> "RSA";
      case "1.2.840.10045.2.1" -> "EC";
      case "1.3.101.112" -> "Ed25519";
      default -> throw Args.fail("x509: unknown public key algorithm");
    };
    try {
      return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw Args.fail("x509: failed to parse public key: " + e.getMessage());
    }
  }
}
