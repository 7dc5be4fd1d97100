package io.exportguard.sandbox.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V3 verifier against the official signer ({@code com.aliyun.openapiutil.Client.getAuthorization},
 * the code every current Java SDK signs with): what it signs we accept, what differs we reject.
 */
class AcsV3SignatureTest {
  static final String SECRET = "s3cr3t";

  /** A request as the official signer sees it, and the same request as the sandbox receives it. */
  static Map.Entry<String, HttpView> signedByTheSdk(Map<String, String> query, Map<String, String> headers, String body) throws Exception {
    TeaRequest request = new TeaRequest();
    request.method = "POST";
    request.pathname = "/";
    request.query = new HashMap<>(query);
    request.headers = new HashMap<>(headers);
    String payload = Hmac.sha256Hex(body);
    String authorization = com.aliyun.openapiutil.Client.getAuthorization(request, "ACS3-HMAC-SHA256", payload, "AK", SECRET);
    List<Encoding.Param> params = new ArrayList<>();
    query.forEach((k, v) -> params.add(new Encoding.Param(k, v)));
    Map<String, List<String>> received = new LinkedHashMap<>();
    headers.forEach((k, v) -> received.put(k.toLowerCase(), List.of(v)));
    received.put("authorization", List.of(authorization));
    return Map.entry(authorization, new HttpView("POST", "/", params, received));
  }

  static boolean verifies(String authorization, HttpView view, String body) {
    AcsV3Signature.Authorization auth = AcsV3Signature.parse(authorization);
    String sts = AcsV3Signature.stringToSign(AcsV3Signature.canonicalRequest(view, auth.signedHeaders(), Hmac.sha256Hex(body)));
    return AcsV3Signature.sign(SECRET, sts).equals(auth.signature());
  }

  static Map<String, String> headers(String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("host", "ecs.cn-hangzhou.aliyuncs.com");
    h.put("x-acs-action", "DescribeImages");
    h.put("x-acs-version", "2014-05-26");
    h.put("x-acs-date", "2026-12-04T10:00:00Z");
    h.put("x-acs-signature-nonce", "5a0fa5d1d1f9e6a1");
    h.put("x-acs-content-sha256", Hmac.sha256Hex(body));
    h.put("content-type", "application/x-www-form-urlencoded");
    h.put("user-agent", "not signed");
    return h;
  }

  @Test
  void acceptsWhatTheOfficialSignerSignsIncludingReservedCharactersAndEmptyValues() throws Exception {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("RegionId", "cn-hangzhou");
    query.put("ImageName", "web base*~ü/é");
    query.put("Tag.1.Key", "a&b=c");
    query.put("Empty", "");
    String body = "SnapshotIds=%5B%22s-1%22%5D";
    var signed = signedByTheSdk(query, headers(body), body);
    AcsV3Signature.Authorization auth = AcsV3Signature.parse(signed.getKey());
    assertThat(auth.accessKeyId()).isEqualTo("AK");
    assertThat(auth.signedHeaders()).containsExactly("content-type", "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
        "x-acs-signature-nonce", "x-acs-version");
    assertThat(verifies(signed.getKey(), signed.getValue(), body)).isTrue();
  }

  @Test
  void rejectsAChangedParameterHeaderOrBody() throws Exception {
    String body = "";
    var signed = signedByTheSdk(Map.of("ImageId", "m-1"), headers(body), body);
    HttpView v = signed.getValue();
    HttpView otherQuery = new HttpView(v.method(), v.path(), List.of(new Encoding.Param("ImageId", "m-2")), v.headers());
    assertThat(verifies(signed.getKey(), otherQuery, body)).isFalse();
    Map<String, List<String>> otherHeaders = new LinkedHashMap<>(v.headers());
    otherHeaders.put("x-acs-action", List.of("ExportImage"));
    assertThat(verifies(signed.getKey(), new HttpView(v.method(), v.path(), v.query(), otherHeaders), body)).isFalse();
    // The body the server received, not the header the client claims, is what counts.
    assertThat(verifies(signed.getKey(), v, "ImageId=m-2")).isFalse();
    assertThat(verifies(signed.getKey(), v, body)).isTrue();
  }

  @Test
  void parsesOnlyWellFormedAuthorizationHeaders() {
    assertThat(AcsV3Signature.parse("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=Host;X-Acs-Date,Signature=ab"))
        .isEqualTo(new AcsV3Signature.Authorization("AK", List.of("host", "x-acs-date"), "ab"));
    assertThat(AcsV3Signature.parse("ACS3-HMAC-SHA256 Credential=AK,Signature=ab")).isNull();
    assertThat(AcsV3Signature.parse("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=")).isNull();
    assertThat(AcsV3Signature.parse("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=ab,Extra=1")).isNull();
    assertThat(AcsV3Signature.parse("OSS4-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=ab")).isNull();
  }
}
