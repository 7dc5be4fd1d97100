package io.exportguard.sandbox.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published and locally recomputed signature vectors (EXPORTIMAGE.md §5). */
class SignatureVectorsTest {

  @Test
  void rpcVector() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccessKeyId", "testid");
    params.put("Action", "DescribeRegions");
    params.put("Format", "XML");
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    params.put("SignatureVersion", "1.0");
    params.put("Timestamp", "2016-02-23T12:46:24Z");
    params.put("Version", "2014-05-26");
    String sts = RpcSignature.stringToSign("GET", params);
    assertThat(sts).startsWith("GET&%2F&AccessKeyId%3Dtestid%26").contains("%253A");
    assertThat(RpcSignature.sign("testsecret", sts)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  }

  @Test
  void rpcSignatureIgnoresTheSignatureParameterAndOrder() {
    Map<String, String> a = new LinkedHashMap<>(Map.of("B", "2", "A", "x y*~"));
    Map<String, String> b = new LinkedHashMap<>(Map.of("A", "x y*~", "B", "2", "Signature", "whatever"));
    assertThat(RpcSignature.stringToSign("POST", a)).isEqualTo(RpcSignature.stringToSign("POST", b))
        .isEqualTo("POST&%2F&A%3Dx%2520y%252A~%26B%3D2");
  }

  @Test
  void ossV1Vector() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-md5", List.of("eB5eJF1ptWaXm4bijSPyxw=="));
    headers.put("content-type", List.of("text/html"));
    headers.put("date", List.of("Wed, 28 Dec 2022 10:27:41 GMT"));
    headers.put("x-oss-date", List.of("Wed, 28 Dec 2022 10:27:41 GMT"));
    headers.put("x-oss-meta-author", List.of("alice"));
    headers.put("x-oss-meta-magic", List.of("abracadabra"));
    HttpView request = new HttpView("PUT", "/examplebucket/nelson", new ArrayList<>(), headers);
    assertThat(OssV1Signature.sign("sk", OssV1Signature.stringToSign(request))).isEqualTo("kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
    HttpView withAcl = new HttpView("PUT", "/examplebucket/nelson", List.of(new Encoding.Param("acl", null)), headers);
    assertThat(OssV1Signature.sign("sk", OssV1Signature.stringToSign(withAcl))).isEqualTo("/afkugFbmWDQ967j1vr6zygBLQk=");
  }

  @Test
  void ossV1SignsOnlyTheSdkSubresourcesAndBucketRequestsEndInASlash() {
    HttpView request = new HttpView("GET", "/my-export-bucket",
        List.of(new Encoding.Param("bucketInfo", null), new Encoding.Param("unsigned", "1")),
        Map.of("date", List.of("Fri, 27 Nov 2026 06:24:06 GMT")));
    assertThat(OssV1Signature.stringToSign(request))
        .isEqualTo("GET\n\n\nFri, 27 Nov 2026 06:24:06 GMT\n/my-export-bucket/?bucketInfo");
  }

  @Test
  void ossV4CanonicalRequestForGetBucketInfo() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-oss-content-sha256", List.of("UNSIGNED-PAYLOAD"));
    headers.put("x-oss-date", List.of("20261127T062406Z"));
    headers.put("host", List.of("127.0.0.1:1"));
    HttpView request = new HttpView("GET", "/my-export-bucket/", List.of(new Encoding.Param("bucketInfo", null)), headers);
    assertThat(OssV4Signature.canonicalRequest(request, List.of())).isEqualTo(
        "GET\n/my-export-bucket/\nbucketInfo\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20261127T062406Z\n\n\nUNSIGNED-PAYLOAD");
  }

  @Test
  void ossV4AuthorizationHeaderParses() {
    OssV4Signature.Credential c = OssV4Signature.parse(
        "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=Host;abc,Signature=00ff");
    assertThat(c.accessKeyId()).isEqualTo("ak");
    assertThat(c.region()).isEqualTo("cn-hangzhou");
    assertThat(c.additionalHeaders()).containsExactly("host", "abc");
    assertThat(c.signature()).isEqualTo("00ff");
    assertThat(OssV4Signature.parse("OSS4-HMAC-SHA256 Credential=ak/x,Signature=1")).isNull();
  }

  @Test
  void queryParserKeepsBareKeysAndEmptyValuesApart() {
    assertThat(Encoding.parseQuery("a&b=&c=%2F+x")).containsExactly(new Encoding.Param("a", null),
        new Encoding.Param("b", ""), new Encoding.Param("c", "/ x"));
  }
}
