package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** io.jwt.*: decoding, signature verification (HS/RS/PS/ES/EdDSA), decode_verify constraints, signing. */
final class Tokens {
  private Tokens() {}

  /** Header, payload, signature bytes, and the signed input of a compact JWS. */
  record Parts(ObjectValue header, Value payload, byte[] signature, String signingInput) {}

  private static final String[] VERIFY_ALGORITHMS = {"hs256", "hs384", "hs512", "rs256", "rs384", "rs512", "ps256",
      "ps384", "ps512", "es256", "es384", "es512", "eddsa"};

  static void register(BuiltinRegistry r) {
    def(r, "io.jwt.decode", Tokens::decode);
    for (String alg : VERIFY_ALGORITHMS) {
      String upper = alg.equals("eddsa") ? "EdDSA" : alg.toUpperCase(java.util.Locale.ROOT);
      def(r, "io.jwt.verify_" + alg, (ctx, a) -> verify(upper, a));
    }
    def(r, "io.jwt.decode_verify", (ctx, a) -> decodeVerify(ctx, str(a, 1), Args.obj(a, 2)));
    def(r, "io.jwt.encode_sign", Tokens::encodeSign);
    def(r, "io.jwt.encode_sign_raw", Tokens::encodeSignRaw);
  }

  static Value decode(BuiltinContext ctx, List<Value> a) {
    Parts p = decode(str(a, 1));
    return ArrayValue.of(p.header(), p.payload(), s(HexFormat.of().formatHex(p.signature())));
  }

  /** io.jwt.verify_*: HS algorithms take the secret itself, the others a PEM certificate, PEM key, JWK or JWK set. */
  static Value verify(String alg, List<Value> a) {
    String token = str(a, 1);
    String keyText = str(a, 2);
    Parts p = decode(token);
    List<Key> keys = alg.startsWith("HS")
        ? List.of(new javax.crypto.spec.SecretKeySpec(keyText.getBytes(StandardCharsets.UTF_8), "HMAC"))
        : JwtKeys.verificationKeys(keyText);
    return b(verifyAny(alg, p, keys));
  }

  /** The header and payload are signed as Go's compact JSON of the objects, as OPA 1.x signs them. */
  static Value encodeSign(BuiltinContext ctx, List<Value> a) {
    ObjectValue header = Args.obj(a, 1);
    ObjectValue payload = Args.obj(a, 2);
    ObjectValue jwk = Args.obj(a, 3);
    return s(sign(GoJson.compact(header), GoJson.compact(payload), jwk));
  }

  static Value encodeSignRaw(BuiltinContext ctx, List<Value> a) {
    String header = str(a, 1);
    String payload = str(a, 2);
    String keyText = str(a, 3);
    String syntax = GoJsonSyntax.error(keyText);
    if (syntax != null) throw Args.fail("failed to unmarshal JWK: " + syntax);
    if (!(Json.parse(keyText) instanceof ObjectValue key)) throw Args.fail("failed to unmarshal JWK: not an object");
    return s(sign(header, payload, key));
  }

  static Parts decode(String token) {
    if (token.indexOf('.') < 0) throw Args.fail("encoded JWT had no period separators");
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) throw Args.fail("encoded JWT must have 3 sections, found " + parts.length);
    ObjectValue header;
    Value payload;
    try {
      if (!(Json.parse(text(parts[0])) instanceof ObjectValue h)) throw Args.fail("JWT header is not an object");
      header = h;
      if (header.get("enc") != null) throw Args.fail("JWT is a JWE object, which is not supported");
      payload = Json.parse(text(parts[1]));
      if (header.get("cty") instanceof StringValue cty && cty.value().equalsIgnoreCase("JWT")) {
        return decode(text(parts[1]));
      }
    } catch (Json.JsonSyntaxException e) {
      throw Args.fail("JWT has invalid JSON: " + e.getMessage());
    }
    if (!(payload instanceof ObjectValue)) throw Args.fail("JWT payload is not a JSON object");
    return new Parts(header, payload, bytes(parts[2]), parts[0] + "." + parts[1]);
  }

  private static byte[] bytes(String b64u) {
    try {
      return Base64.getUrlDecoder().decode(b64u.replace("=", ""));
    } catch (IllegalArgumentException e) {
      throw Args.fail("JWT has invalid base64url encoding: " + e.getMessage());
    }
  }

  private static String text(String b64u) { return new String(bytes(b64u), StandardCharsets.UTF_8); }

  private static String b64u(byte[] b) { return Base64.getUrlEncoder().withoutPadding().encodeToString(b); }

  static boolean verifyAny(String alg, Parts p, List<Key> keys) {
    for (Key k : keys) {
      try {
        if (verify(alg, p.signingInput().getBytes(StandardCharsets.UTF_8), p.signature(), k)) return true;
      } catch (GeneralSecurityException | RuntimeException e) {
        // a key of the wrong type does not verify
      }
    }
    return false;
  }

  private static String hash(String alg) { return "SHA-" + alg.substring(2); }

  static boolean verify(String alg, byte[] input, byte[] sig, Key key) throws GeneralSecurityException {
    if (alg.startsWith("HS")) {
      byte[] want = Crypto.hmac("Hmac" + hash(alg).replace("-", ""), input, key.getEncoded());
      return MessageDigest.isEqual(want, sig);
    }
    Signature s = signature(alg);
    s.initVerify((PublicKey) key);
    s.update(input);
    return s.verify(sig);
  }

  private static Signature signature(String alg) throws GeneralSecurityException {
    String bits = alg.substring(2);
    switch (alg.substring(0, 2)) {
      case "RS": return Signature.getInstance("SHA" + bits + "withRSA");
      case "ES": return Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
      case "PS": {
        Signature s = Signature.getInstance("RSASSA-PSS");
        String h = "SHA-" + bits;
        s.setParameter(new PSSParameterSpec(h, "MGF1", new MGF1ParameterSpec(h), Integer.parseInt(bits) / 8, 1));
        return s;
      }
      case "Ed": return Signature.getInstance("Ed25519");
      default: throw new GeneralSecurityException("unsupported algorithm " + alg);
    }
  }

  /**
   * Signs the header and payload texts as given, in OPA's order of checks: the header must be JSON (Go's
   * error texts) naming a known algorithm, and a payload typed JWT (or untyped) must be JSON.
   */
  private static String sign(String headerJson, String payloadJson, ObjectValue jwk) {
    String syntax = GoJsonSyntax.error(headerJson);
    if (syntax != null) throw Args.fail(syntax);
    Value parsed = Json.parse(headerJson);
    // Go leaves the header struct empty for null and refuses other non-objects.
    ObjectValue header = parsed instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    if (!(parsed instanceof ObjectValue) && !(parsed instanceof io.exportguard.rego.value.NullValue)) {
      String type = parsed instanceof BooleanValue ? "bool" : parsed.typeName();
      throw Args.fail("json: cannot unmarshal " + type + " into Go value of type jws.StandardHeaders");
    }
    Value typ = header.get("typ");
    boolean jwtTyped = typ == null || (typ instanceof StringValue t && (t.value().isEmpty() || t.value().equals("JWT")));
    if (!(header.get("alg") instanceof StringValue algV) || algV.value().isEmpty()) {
      throw Args.fail("failed to create signer: unsupported signature algorithm");
    }
    String alg = algV.value();
    if (!SIGNING_ALGORITHMS.contains(alg)) throw Args.fail("unknown signature algorithm");
    if (jwtTyped && GoJsonSyntax.error(payloadJson) != null) throw Args.fail("type is JWT but payload is not JSON");
    String input = b64u(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64u(payloadJson.getBytes(StandardCharsets.UTF_8));
    byte[] data = input.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] sig;
      if (alg.startsWith("HS")) {
        Key k = JwtKeys.fromJwk(jwk, true);
        sig = Crypto.hmac("Hmac" + hash(alg).replace("-", ""), data, k.getEncoded());
      } else if (alg.equals("none")) {
        sig = new byte[0];
      } else {
        Signature s = signature(alg);
        s.initSign((PrivateKey) JwtKeys.fromJwk(jwk, true));
        s.update(data);
        sig = s.sign();
      }
      return input + "." + b64u(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw Args.fail("failed to sign: " + e.getMessage());
    }
  }

  private static final java.util.Set<String> SIGNING_ALGORITHMS = java.util.Set.of("HS256", "HS384", "HS512", "RS256",
      "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "none");

  private static final java.util.Set<String> CONSTRAINTS = java.util.Set.of("cert", "secret", "alg", "iss", "aud", "time");

  private static Value decodeVerify(BuiltinContext ctx, String token, ObjectValue constraints) {
    ArrayValue invalid = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
    for (Map.Entry<Value, Value> e : constraints.entries().entrySet()) {
      String k = e.getKey() instanceof StringValue sk ? sk.value() : e.getKey().toString();
      if (!CONSTRAINTS.contains(k)) throw Args.fail("unknown token validation constraint: " + k);
    }
    String cert = constraints.get("cert") instanceof StringValue c ? c.value() : null;
    String secret = constraints.get("secret") instanceof StringValue sc ? sc.value() : null;
    if ((cert == null) == (secret == null)) throw Args.fail("exactly one of \"cert\" or \"secret\" must be given");
    Parts p = decode(token);
    if (!(p.header().get("alg") instanceof StringValue algV)) return invalid;
    String alg = algV.value();
    if (constraints.get("alg") instanceof StringValue want && !want.value().equals(alg)) return invalid;
    List<Key> keys = secret != null
        ? List.of(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HMAC"))
        : JwtKeys.verificationKeys(cert);
    if (secret != null != alg.startsWith("HS")) return invalid;
    if (!verifyAny(alg, p, keys)) return invalid;
    ObjectValue payload = (ObjectValue) p.payload();
    BigDecimal nowSeconds = constraints.get("time") instanceof NumberValue t
        ? t.value().movePointLeft(9)
        : new BigDecimal(Time.toNanos(ctx.now().getEpochSecond(), ctx.now().getNano())).movePointLeft(9);
    if (payload.get("exp") != null) {
      if (!(payload.get("exp") instanceof NumberValue exp) || nowSeconds.compareTo(exp.value()) >= 0) return invalid;
    }
    if (payload.get("nbf") != null) {
      if (!(payload.get("nbf") instanceof NumberValue nbf) || nowSeconds.compareTo(nbf.value()) < 0) return invalid;
    }
    if (constraints.get("iss") instanceof StringValue iss && !iss.equals(payload.get("iss"))) return invalid;
    Value aud = payload.get("aud");
    Value wantAud = constraints.get("aud");
    if (aud != null) {
      if (!(wantAud instanceof StringValue wa)) return invalid;
      boolean match = aud.equals(wa)
          || (aud instanceof ArrayValue arr && arr.items().contains(wa))
          || (aud instanceof SetValue set && set.contains(wa));
      if (!match) return invalid;
    } else if (wantAud != null) {
      return invalid;
    }
    return ArrayValue.of(BooleanValue.TRUE, p.header(), payload);
  }
}
