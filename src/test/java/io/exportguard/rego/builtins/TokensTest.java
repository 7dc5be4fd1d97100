package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-then-verify round trips for io.jwt.* with freshly generated JDK keys, and decode_verify's claims. */
class TokensTest {
  private static final BuiltinRegistry R = BuiltinRegistry.standard();
  private final BuiltinContext ctx = new SimpleBuiltinContext(Instant.ofEpochSecond(1_700_000_000L),
      new ConcurrentHashMap<>(), false);

  private static String b64(BigInteger i) {
    byte[] b = i.toByteArray();
    if (b.length > 1 && b[0] == 0) b = java.util.Arrays.copyOfRange(b, 1, b.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String b64(BigInteger i, int len) {
    byte[] b = i.toByteArray();
    byte[] out = new byte[len];
    int copy = Math.min(len, b.length);
    System.arraycopy(b, b.length - copy, out, len - copy, copy);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private Value call(String name, Value... args) { return R.invoke(name, ctx, List.of(args)); }

  private static ObjectValue obj(String json) { return (ObjectValue) Json.parse(json); }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
  void rsaRoundTrip(String alg) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) kp.getPrivate();
    RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
    String priv = "{\"kty\":\"RSA\",\"n\":\"" + b64(k.getModulus()) + "\",\"e\":\"" + b64(k.getPublicExponent())
        + "\",\"d\":\"" + b64(k.getPrivateExponent()) + "\",\"p\":\"" + b64(k.getPrimeP()) + "\",\"q\":\""
        + b64(k.getPrimeQ()) + "\",\"dp\":\"" + b64(k.getPrimeExponentP()) + "\",\"dq\":\"" + b64(k.getPrimeExponentQ())
        + "\",\"qi\":\"" + b64(k.getCrtCoefficient()) + "\"}";
    String jwk = "{\"kty\":\"RSA\",\"n\":\"" + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}";
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pub.getEncoded())
        + "\n-----END PUBLIC KEY-----";
    String token = ((StringValue) call("io.jwt.encode_sign", obj("{\"alg\":\"" + alg + "\"}"),
        obj("{\"sub\":\"me\",\"exp\":1800000000}"), obj(priv))).value();
    String verify = "io.jwt.verify_" + alg.toLowerCase();
    assertThat(call(verify, StringValue.of(token), StringValue.of(jwk))).isEqualTo(BooleanValue.TRUE);
    assertThat(call(verify, StringValue.of(token), StringValue.of(pem))).isEqualTo(BooleanValue.TRUE);
    assertThat(call(verify, StringValue.of(token), StringValue.of("{\"keys\":[" + jwk + "]}"))).isEqualTo(BooleanValue.TRUE);
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertThat(call(verify, StringValue.of(tampered), StringValue.of(jwk))).isEqualTo(BooleanValue.FALSE);
    ArrayValue dv = (ArrayValue) call("io.jwt.decode_verify", StringValue.of(token),
        obj("{\"cert\":" + Json.write(StringValue.of(jwk)) + ",\"alg\":\"" + alg + "\"}"));
    assertThat(dv.get(0)).isEqualTo(BooleanValue.TRUE);
    assertThat(((ObjectValue) dv.get(2)).get("sub")).isEqualTo(StringValue.of("me"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ES256:secp256r1:P-256:32", "ES384:secp384r1:P-384:48", "ES512:secp521r1:P-521:66"})
  void ecRoundTrip(String spec) throws Exception {
    String[] p = spec.split(":");
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(p[1]));
    KeyPair kp = g.generateKeyPair();
    ECPublicKey pub = (ECPublicKey) kp.getPublic();
    int len = Integer.parseInt(p[3]);
    String x = b64(pub.getW().getAffineX(), len);
    String y = b64(pub.getW().getAffineY(), len);
    String d = b64(((ECPrivateKey) kp.getPrivate()).getS(), len);
    String priv = "{\"kty\":\"EC\",\"crv\":\"" + p[2] + "\",\"x\":\"" + x + "\",\"y\":\"" + y + "\",\"d\":\"" + d + "\"}";
    String jwk = "{\"kty\":\"EC\",\"crv\":\"" + p[2] + "\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
    Value token = call("io.jwt.encode_sign_raw", StringValue.of("{\"alg\":\"" + p[0] + "\"}"),
        StringValue.of("{\"a\":1}"), StringValue.of(priv));
    assertThat(call("io.jwt.verify_" + p[0].toLowerCase(), token, StringValue.of(jwk))).isEqualTo(BooleanValue.TRUE);
    assertThat(call("io.jwt.verify_rs256", token, StringValue.of(jwk))).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void decodeVerifyChecksExpiryNotBeforeIssuerAndAudience() {
    ObjectValue key = obj("{\"kty\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString("secret".getBytes()) + "\"}");
    Value token = call("io.jwt.encode_sign", obj("{\"alg\":\"HS256\"}"),
        obj("{\"iss\":\"me\",\"aud\":\"you\",\"nbf\":1600000000,\"exp\":1750000000}"), key);
    String base = "{\"secret\":\"secret\",\"iss\":\"me\",\"aud\":\"you\"";
    assertThat(valid(token, base + "}")).isTrue();
    assertThat(valid(token, base + ",\"time\":1800000000000000000}")).isFalse();
    assertThat(valid(token, base + ",\"time\":1500000000000000000}")).isFalse();
    assertThat(valid(token, "{\"secret\":\"secret\",\"iss\":\"other\",\"aud\":\"you\"}")).isFalse();
    assertThat(valid(token, "{\"secret\":\"secret\",\"iss\":\"me\"}")).isFalse();
    assertThat(valid(token, "{\"secret\":\"wrong\",\"iss\":\"me\",\"aud\":\"you\"}")).isFalse();
    assertThat(call("io.jwt.verify_hs256", token, StringValue.of("secret"))).isEqualTo(BooleanValue.TRUE);
    assertThat(NumberValue.of(1)).isNotNull();
  }

  private boolean valid(Value token, String constraints) {
    return ((ArrayValue) call("io.jwt.decode_verify", token, obj(constraints))).get(0).equals(BooleanValue.TRUE);
  }
}
