package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class X509Test {
  private static final BuiltinRegistry R = BuiltinRegistry.standard();
  private final BuiltinContext ctx = new SimpleBuiltinContext(Instant.parse("2030-01-01T00:00:00Z"),
      new ConcurrentHashMap<>(), false);

  private static String resource(String name) throws IOException {
    try (InputStream in = X509Test.class.getResourceAsStream("/rego/builtins/x509/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Value call(String name, Value... args) { return R.invoke(name, ctx, List.of(args)); }

  @Test
  void parsesCertificatesWithGoFieldNames() throws IOException {
    ArrayValue certs = (ArrayValue) call("crypto.x509.parse_certificates", StringValue.of(resource("leaf.pem")));
    assertThat(certs.size()).isEqualTo(1);
    ObjectValue c = (ObjectValue) certs.get(0);
    assertThat(((ObjectValue) c.get("Subject")).get("CommonName")).isEqualTo(StringValue.of("export.example.com"));
    assertThat(((ObjectValue) c.get("Subject")).get("Province")).isEqualTo(Json.parse("[\"Zhejiang\"]"));
    assertThat(((ObjectValue) c.get("Issuer")).get("CommonName")).isEqualTo(StringValue.of("Example Root CA"));
    assertThat(c.get("SerialNumber")).isEqualTo(NumberValue.of(4660));
    assertThat(c.get("DNSNames")).isEqualTo(Json.parse("[\"export.example.com\", \"*.example.com\"]"));
    assertThat(c.get("IPAddresses")).isEqualTo(Json.parse("[\"10.0.0.1\"]"));
    assertThat(c.get("EmailAddresses")).isEqualTo(Json.parse("[\"ops@example.com\"]"));
    assertThat(c.get("ExtKeyUsage")).isEqualTo(Json.parse("[1, 2]"));
    assertThat(c.get("KeyUsage")).isEqualTo(NumberValue.of(1));
    assertThat(c.get("IsCA")).isEqualTo(BooleanValue.FALSE);
    assertThat(c.get("SignatureAlgorithm")).isEqualTo(NumberValue.of(4));
    assertThat(c.get("PublicKeyAlgorithm")).isEqualTo(NumberValue.of(3));
    assertThat(((StringValue) c.get("NotBefore")).value()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(((ArrayValue) c.get("Extensions")).size()).isGreaterThanOrEqualTo(5);
    // base64 of the PEM text is accepted too
    String b64 = Base64.getEncoder().encodeToString(resource("leaf.pem").getBytes(StandardCharsets.UTF_8));
    assertThat(call("crypto.x509.parse_certificates", StringValue.of(b64))).isEqualTo(certs);
  }

  @Test
  void verifiesAChainFromRootToLeaf() throws IOException {
    String chain = resource("ca.pem") + resource("leaf.pem");
    ArrayValue ok = (ArrayValue) call("crypto.x509.parse_and_verify_certificates", StringValue.of(chain));
    assertThat(ok.get(0)).isEqualTo(BooleanValue.TRUE);
    assertThat(((ArrayValue) ok.get(1)).size()).isEqualTo(2);
    ArrayValue bad = (ArrayValue) call("crypto.x509.parse_and_verify_certificates",
        StringValue.of(resource("leaf.pem") + resource("ca.pem")));
    assertThat(bad).isEqualTo(Json.parse("[false, []]"));
    ArrayValue root = (ArrayValue) call("crypto.x509.parse_certificates", StringValue.of(resource("ca.pem")));
    assertThat(((ObjectValue) root.get(0)).get("IsCA")).isEqualTo(BooleanValue.TRUE);
  }

  @Test
  void rsaPrivateKeyBecomesAJwkThatSigns() throws IOException {
    ObjectValue jwk = (ObjectValue) call("crypto.x509.parse_rsa_private_key", StringValue.of(resource("test-rsa.key")));
    assertThat(jwk.get("kty")).isEqualTo(StringValue.of("RSA"));
    Value token = call("io.jwt.encode_sign", Json.parse("{\"alg\":\"RS256\"}"), Json.parse("{\"a\":1}"), jwk);
    String pub = "{\"kty\":\"RSA\",\"n\":\"" + ((StringValue) jwk.get("n")).value() + "\",\"e\":\""
        + ((StringValue) jwk.get("e")).value() + "\"}";
    assertThat(call("io.jwt.verify_rs256", token, StringValue.of(pub))).isEqualTo(BooleanValue.TRUE);
  }

  @Test
  void certificateRequestsKeepSubjectKeyAndAlternativeNames() throws IOException {
    ObjectValue csr = (ObjectValue) call("crypto.x509.parse_certificate_request", StringValue.of(resource("request.csr")));
    assertThat(((ObjectValue) csr.get("Subject")).get("CommonName")).isEqualTo(StringValue.of("csr.example.com"));
    assertThat(((ObjectValue) csr.get("Subject")).get("Country")).isEqualTo(Json.parse("[\"CN\"]"));
    assertThat(csr.get("DNSNames")).isEqualTo(Json.parse("[\"csr.example.com\", \"www.example.com\"]"));
    assertThat(csr.get("IPAddresses")).isEqualTo(Json.parse("[\"10.1.2.3\"]"));
    assertThat(csr.get("EmailAddresses")).isEqualTo(Json.parse("[\"ops@example.com\"]"));
    assertThat(((ObjectValue) ((ArrayValue) csr.get("URIs")).get(0)).get("Host")).isEqualTo(StringValue.of("example.com"));
    assertThat(csr.get("PublicKeyAlgorithm")).isEqualTo(NumberValue.of(3));
    assertThat(csr.get("SignatureAlgorithm")).isEqualTo(NumberValue.of(10));
    // the DER, base64-encoded, reads the same
    String der = Base64.getEncoder().encodeToString(java.util.Base64.getMimeDecoder().decode(resource("request.csr")
        .replace("-----BEGIN CERTIFICATE REQUEST-----", "").replace("-----END CERTIFICATE REQUEST-----", "").trim()));
    assertThat(call("crypto.x509.parse_certificate_request", StringValue.of(der))).isEqualTo(csr);
    assertThatThrownBy(() -> call("crypto.x509.parse_certificate_request", StringValue.of(resource("pair.pem"))))
        .hasMessageContaining("illegal base64 data at input byte 0");
  }

  @Test
  void keyPairsMustMatch() throws IOException {
    ObjectValue pair = (ObjectValue) call("crypto.x509.parse_keypair", StringValue.of(resource("pair.pem")),
        StringValue.of(resource("ec-sec1.key")));
    assertThat(((ArrayValue) pair.get("Certificate")).size()).isEqualTo(1);
    ObjectValue key = (ObjectValue) pair.get("PrivateKey");
    ObjectValue leafKey = (ObjectValue) ((ObjectValue) pair.get("Leaf")).get("PublicKey");
    assertThat(key.get("X")).isEqualTo(leafKey.get("X"));
    assertThat(key.get("D")).isInstanceOf(NumberValue.class);
    assertThat(call("crypto.x509.parse_keypair", StringValue.of(resource("pair.pem")), StringValue.of(resource("ec-pkcs8.key"))))
        .isEqualTo(pair);
    assertThatThrownBy(() -> call("crypto.x509.parse_keypair", StringValue.of(resource("pair.pem")),
        StringValue.of(resource("test-rsa.key")))).hasMessageContaining("tls: private key type does not match public key type");
    assertThatThrownBy(() -> call("crypto.x509.parse_keypair", StringValue.of(resource("leaf.pem")),
        StringValue.of(resource("ec-sec1.key")))).hasMessageContaining("tls: private key does not match public key");
    assertThatThrownBy(() -> call("crypto.x509.parse_keypair", StringValue.of(resource("ec-sec1.key")),
        StringValue.of(resource("ec-sec1.key"))))
        .hasMessageContaining("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks "
            + "of the following types: [EC PRIVATE KEY]");
  }

  @Test
  void privateKeysComeOutInGoShapes() throws IOException {
    ArrayValue keys = (ArrayValue) call("crypto.parse_private_keys",
        StringValue.of(resource("test-rsa.key") + resource("ec-sec1.key") + resource("ec-pkcs8.key")));
    assertThat(keys.size()).isEqualTo(3);
    ObjectValue rsa = (ObjectValue) keys.get(0);
    assertThat(((ArrayValue) rsa.get("Primes")).size()).isEqualTo(2);
    assertThat(((ObjectValue) rsa.get("Precomputed")).get("CRTValues")).isEqualTo(ArrayValue.EMPTY);
    assertThat(keys.get(1)).isEqualTo(keys.get(2));
    // the derived public point is the certificate's
    ObjectValue pair = (ObjectValue) ((ArrayValue) call("crypto.x509.parse_certificates", StringValue.of(resource("pair.pem"))))
        .get(0);
    assertThat(((ObjectValue) keys.get(1)).get("Y")).isEqualTo(((ObjectValue) pair.get("PublicKey")).get("Y"));
    assertThat(call("crypto.parse_private_keys", StringValue.of(""))).isEqualTo(io.exportguard.rego.value.NullValue.INSTANCE);
    assertThat(call("crypto.parse_private_keys", StringValue.of("no pem here"))).isEqualTo(ArrayValue.EMPTY);
  }

  @Test
  void verificationOptionsCheckHostUsageAndTime() throws IOException {
    String chain = resource("ca.pem") + resource("leaf.pem");
    Value ok = call("crypto.x509.parse_and_verify_certificates_with_options", StringValue.of(chain),
        Json.parse("{\"DNSName\": \"api.example.com\", \"KeyUsages\": [\"KeyUsageServerAuth\"]}"));
    assertThat(((ArrayValue) ok).get(0)).isEqualTo(BooleanValue.TRUE);
    // leaf first, and without parse_certificates' URIStrings, as OPA returns it
    ObjectValue leaf = (ObjectValue) ((ArrayValue) ((ArrayValue) ok).get(1)).get(0);
    assertThat(((ObjectValue) leaf.get("Subject")).get("CommonName")).isEqualTo(StringValue.of("export.example.com"));
    assertThat(leaf.get("URIStrings")).isNull();
    for (String options : List.of("{\"DNSName\": \"other.org\"}", "{\"KeyUsages\": [\"KeyUsageCodeSigning\"]}",
        "{\"CurrentTime\": 0}")) {
      assertThat(call("crypto.x509.parse_and_verify_certificates_with_options", StringValue.of(chain), Json.parse(options)))
          .as(options).isEqualTo(Json.parse("[false, []]"));
    }
    assertThatThrownBy(() -> call("crypto.x509.parse_and_verify_certificates_with_options", StringValue.of(chain),
        Json.parse("{\"KeyUsages\": [\"Nope\"]}"))).hasMessageContaining("invalid entries for 'KeyUsages' found: [Nope]");
    assertThatThrownBy(() -> call("crypto.x509.parse_and_verify_certificates_with_options", StringValue.of(chain),
        Json.parse("{\"Color\": 1}"))).hasMessageContaining("invalid key option");
  }

  @Test
  void garbageIsABuiltinError() {
    try {
      call("crypto.x509.parse_certificates", StringValue.of("not a certificate"));
      throw new AssertionError("expected an error");
    } catch (BuiltinException e) {
      assertThat(e.code()).isEqualTo("eval_builtin_error");
      assertThat(e.getMessage()).startsWith("crypto.x509.parse_certificates: ");
    }
  }
}
