package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.load.SignedAcs3;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V3-signed requests no SDK would send: missing or unsigned headers, a tampered query or body; and XML replies. */
class V3AuthIT {
  static Sandbox sandbox;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("demo-pass", 0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Signs DescribeRegions, lets {@code tamper} change the headers, and sends it with {@code body}. */
  static HttpResponse<String> send(Map<String, String> params, Consumer<Map<String, String>> tamper, String queryOverride, String body)
      throws Exception {
    SignedAcs3.Signed signed = new SignedAcs3(sandbox.accessKeyId(), sandbox.accessKeySecret())
        .sign(sandbox.hostAndPort(), "DescribeRegions", "2014-05-26", params);
    Map<String, String> headers = new LinkedHashMap<>(signed.headers());
    tamper.accept(headers);
    headers.remove("host"); // the client sends it itself, with the same value
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/?" + (queryOverride != null ? queryOverride : signed.query())));
    headers.forEach(b::header);
    if (body != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    return HTTP.send(b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCorrectV3RequestIsServedInJsonAndInXmlWhenAsked() throws Exception {
    HttpResponse<String> json = send(Map.of(), h -> {}, null, null);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
    assertThat(json.body()).contains("\"RegionId\":\"cn-hangzhou\"");
    HttpResponse<String> xml = send(Map.of("Format", "XML"), h -> {}, null, null);
    assertThat(xml.headers().firstValue("Content-Type")).hasValue("text/xml;charset=utf-8");
    assertThat(xml.body()).contains("<DescribeRegionsResponse><RequestId>").contains("<Regions><Region><RegionId>cn-hangzhou</RegionId>");
  }

  @Test
  void missingOrUnsignedReplayProtectionIsAnIncompleteSignature() throws Exception {
    assertThat(send(Map.of(), h -> h.remove("x-acs-signature-nonce"), null, null).body())
        .contains("\"Code\":\"IncompleteSignature\"").contains("x-acs-signature-nonce header is missing");
    assertThat(send(Map.of(), h -> h.compute("Authorization", (k, v) -> v.replace("x-acs-date;", "")), null, null).body())
        .contains("\"Code\":\"IncompleteSignature\"").contains("x-acs-date header must be signed");
    assertThat(send(Map.of(), h -> h.put("Authorization", "ACS3-HMAC-SHA256 Credential=x"), null, null).body())
        .contains("\"Code\":\"IncompleteSignature\"");
    assertThat(send(Map.of(), h -> h.compute("Authorization", (k, v) -> v.replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3")), null, null).body())
        .contains("\"Code\":\"IncompleteSignature\"").contains("ACS3-HMAC-SM3 is not supported");
  }

  @Test
  void aTamperedQueryOrBodyDoesNotMatchAndTheErrorComesInTheAskedFormat() throws Exception {
    HttpResponse<String> query = send(Map.of("RegionId", "cn-hangzhou"), h -> {}, "RegionId=cn-beijing", null);
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(query.body()).contains("\"Code\":\"SignatureDoesNotMatch\"").contains("server StringToSign is [ACS3-HMAC-SHA256\\n");
    // The body was not signed (the hash header says empty): the server hashes what it received.
    assertThat(send(Map.of(), h -> {}, null, "RegionId=cn-beijing").body()).contains("\"Code\":\"SignatureDoesNotMatch\"");
    HttpResponse<String> xml = send(Map.of("Format", "XML"), h -> h.put("x-acs-version", "2015-05-01"), null, null);
    assertThat(xml.headers().firstValue("Content-Type")).hasValue("text/xml;charset=utf-8");
    assertThat(xml.body()).contains("<Error><RequestId>").contains("<Code>SignatureDoesNotMatch</Code>");
  }
}
