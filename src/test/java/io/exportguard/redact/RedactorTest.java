package io.exportguard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  static final String SECRET = "Sx9+/kq=Secret&\"<tail>";
  static final String TOKEN = "CAIS8wF1q6Ft5B2yfSjIr5bSEtT+token/with=chars";

  final Redactor r = new Redactor();

  RedactorTest() {
    r.addSecret(SECRET);
    r.addSecret(TOKEN);
  }

  @Test
  void knownSecretsGoInEveryFormTheyTakeInOutput() {
    String once = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
    String json = SECRET.replace("\"", "\\\"");
    String html = SECRET.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    for (String form : new String[] {SECRET, TOKEN, once, once.replace("+", "%20"), twice, json, html}) {
      String out = r.redact("before " + form + " after");
      assertThat(out).as(form).isEqualTo("before " + Redactor.MASK + " after");
    }
  }

  @Test
  void theSignedUrlInAnSdkTimeoutLosesItsWholeQuery() {
    String sdk = "SocketTimeoutException has occurred on a socket read or accept.The url is "
        + "http://127.0.0.1:39957/?Action=DescribeImages&SecurityToken=abc%2Bdef&SignatureVersion=1.0"
        + "&AccessKeyId=STS.LTAIx&Signature=10rwRyZMXv%2BRbrv%2B2n8VEl9PVOM%3D&RegionId=cn-hangzhou";
    assertThat(new Redactor().redact(sdk)).isEqualTo(
        "SocketTimeoutException has occurred on a socket read or accept.The url is http://127.0.0.1:39957/?"
            + Redactor.MASK);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // OSS V1 presigned
      "https://b.oss-cn-hangzhou.aliyuncs.com/k.raw?OSSAccessKeyId=LTAIx&Expires=1700000000&Signature=ab%2Fcd%3D",
      "https://b.oss-cn-hangzhou.aliyuncs.com/k.raw?Expires=1700000000&OSSAccessKeyId=LTAIx&Signature=abc&security-token=tok",
      // OSS V4 presigned
      "https://b.oss-cn-hangzhou.aliyuncs.com/k.raw?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=LTAIx%2F20261204"
          + "%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20261204T000000Z&x-oss-expires=3600"
          + "&x-oss-signature=5f1e&x-oss-security-token=tok",
      // RPC
      "http://ecs.aliyuncs.com/?AccessKeyId=LTAIx&Action=DescribeImages&Signature=abc%3D",
  })
  void signedUrlsOfEveryServiceLoseTheirQuery(String url) {
    String out = new Redactor().redact("GET " + url + " failed");
    assertThat(out).isEqualTo("GET " + url.substring(0, url.indexOf('?') + 1) + Redactor.MASK + " failed");
  }

  @Test
  void anUnsignedUrlKeepsItsQuery() {
    String url = "see https://help.aliyun.com/document_detail/58181.html?spm=a2c4g&scm=20140722 for details";
    assertThat(new Redactor().redact(url)).isSameAs(url);
  }

  @Test
  void signingParametersOutsideAUrlAreRedactedPlainOrPercentEncoded() {
    Redactor fresh = new Redactor();
    assertThat(fresh.redact("AccessKeyId=LTAIx&SecurityToken=tok123&Action=GetRole"))
        .isEqualTo("AccessKeyId=[REDACTED]&SecurityToken=[REDACTED]&Action=GetRole");
    // An echoed RPC string to sign: the canonical query is percent-encoded, once or twice.
    assertThat(fresh.redact("POST&%2F&AccessKeyId%3DLTAIx%26SecurityToken%3Dtok%252B1%26Version%3D2014-05-26"))
        .isEqualTo("POST&%2F&AccessKeyId%3D[REDACTED]%26SecurityToken%3D[REDACTED]%26Version%3D2014-05-26");
    assertThat(fresh.redact("a&%2F&Action%253DX%2526SecurityToken%253Dtok%25252B1%2526Version%253D1"))
        .isEqualTo("a&%2F&Action%253DX%2526SecurityToken%253D[REDACTED]%2526Version%253D1");
    assertThat(fresh.redact("SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=abc"))
        .isEqualTo("SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=abc");
  }

  @Test
  void authorizationHeadersAndTokenHeadersAreRedacted() {
    Redactor fresh = new Redactor();
    assertThat(fresh.redact("Authorization: OSS LTAI5tAbCdEf:kQ4k8yXkYUSbLwBq1b6q0Xxw2zE="))
        .isEqualTo("Authorization: OSS " + Redactor.MASK);
    assertThat(fresh.redact("OSS4-HMAC-SHA256 Credential=LTAIx/20261204/cn-hangzhou/oss/aliyun_v4_request,"
        + "AdditionalHeaders=host,Signature=0fd2a9"))
        .doesNotContain("LTAIx").doesNotContain("0fd2a9");
    assertThat(fresh.redact("GET\n\n\nFri, 27 Nov 2026 06:24:06 GMT\nx-oss-security-token:tok987654\n/b/"))
        .doesNotContain("tok987654");
  }

  @Test
  void secretLookingPairsAreRedactedWithoutBreakingJson() throws Exception {
    Redactor fresh = new Redactor();
    String json = "{\"access_key_secret\": \"abcdef123\", \"sts_token\":\"xyz987\", \"passwordLength\": 12,"
        + " \"tokens\": [1, 2], \"name\": \"token\"}";
    String out = fresh.redact(json);
    assertThat(out).doesNotContain("abcdef123").doesNotContain("xyz987");
    assertThat(new ObjectMapper().readTree(out).path("passwordLength").asInt()).isEqualTo(12);
    assertThat(fresh.redact("export ALIBABA_CLOUD_ACCESS_KEY_SECRET='abc123def'")).doesNotContain("abc123def");
    assertThat(fresh.redact("ALIBABA_CLOUD_SECURITY_TOKEN=abc123def rest")).isEqualTo(
        "ALIBABA_CLOUD_SECURITY_TOKEN=" + Redactor.MASK + " rest");
  }

  /** The keywords that decide whether a pattern is tried fold case as the patterns do. */
  @Test
  void keywordsInAnyCaseStillLetThePatternsRun() {
    Redactor r = new Redactor();
    assertThat(r.redact("ACCESS_KEY_SECRET=abcdef123")).isEqualTo("ACCESS_KEY_SECRET=" + Redactor.MASK);
    assertThat(r.redact("X-Oss-Security-Token: CAISabcdef")).isEqualTo("X-Oss-Security-Token: " + Redactor.MASK);
    assertThat(r.redact("&SIGNATURE=abc%2Bdef")).isEqualTo("&SIGNATURE=" + Redactor.MASK);
    assertThat(Redactor.fold("acce\u017f\u017f_key_\u017fecret")).isEqualTo("access_key_secret");
    assertThat(r.redact("image m-gen0000174 has status Available")).isSameAs("image m-gen0000174 has status Available");
  }

  /** Line by line for long text gives exactly what redacting it whole gives, also across line ends. */
  @Test
  void redactingLinesIsRedactingTheWhole() {
    Redactor r = new Redactor();
    r.addSecret("knownSecretValue123");
    String text = String.join("\n",
        "{\n  \"msg\": \"image m-1 is fine\",",
        "  \"url\": \"http://127.0.0.1:8080/?Action=DescribeImages&Signature=abc%2Bdef&AccessKeyId=LTAI1\",",
        "Signature=zzz9&x=1", "plain OSS actions listed", "Authorization: OSS LTAIabcd:c2lnbmF0dXJlc2lnbmF0dXJl",
        "x-oss-security-token:", "   CAIStokenvalue", "access_key_secret =", " hunter2hunter2",
        "\"AccessKeySecret\": \"s3cr3tvalue\"", "knownSecretValue123 again", "oss://bucket/object has no query",
        "%26SecurityToken%3DCAISabc%26x", "proxy https://user:pa55word@proxy.example:3128/ here", "",
        "last line without end");
    assertThat(r.redactLines(text)).isEqualTo(r.redact(text));
    for (String line : text.split("\n")) assertThat(r.redactLines(line)).isEqualTo(r.redact(line));
    String clean = "{\n  \"a\": \"b\"\n}\n";
    assertThat(r.redactLines(clean)).isSameAs(clean);
  }

  @Test
  void aUrlPasswordIsRedacted() {
    assertThat(new Redactor().redact("--endpoint http://admin:hunter22@127.0.0.1:8080/x: not loopback"))
        .isEqualTo("--endpoint http://admin:" + Redactor.MASK + "@127.0.0.1:8080/x: not loopback");
    assertThat(new Redactor().redact("mail ops@example.com at http://127.0.0.1:8080")).isEqualTo(
        "mail ops@example.com at http://127.0.0.1:8080");
  }

  @Test
  void ordinaryTextIsReturnedAsIs() {
    String text = "EG-ROLE-003 fail: role AliyunECSImageExportDefaultRole lacks oss:PutObject on my-export-bucket";
    assertThat(r.redact(text)).isSameAs(text);
  }

  @Test
  void shortValuesAreNotLearntAsSecrets() {
    Redactor fresh = new Redactor();
    fresh.addSecret("abc");
    fresh.addSecret(null);
    fresh.addSecret("   ");
    assertThat(fresh.redact("abc def")).isEqualTo("abc def");
  }
}
