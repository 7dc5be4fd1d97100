package io.exportguard.sandbox.oss;

import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import io.exportguard.sandbox.signing.Encoding;
import io.exportguard.sandbox.signing.Hmac;
import io.exportguard.sandbox.signing.HttpView;
import io.exportguard.sandbox.signing.OssV1Signature;
import io.exportguard.sandbox.signing.OssV4Signature;
import io.exportguard.sandbox.state.AccountState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Authenticates an OSS request: none (anonymous), a V1 presigned URL, V1 ({@code OSS ak:sig}) or V4
 * ({@code OSS4-HMAC-SHA256}). Rejections use OSS's codes: {@code InvalidAccessKeyId},
 * {@code RequestTimeTooSkewed}, {@code InvalidSecurityToken}, {@code SignatureDoesNotMatch}
 * (carrying the server's string to sign, as OSS does), {@code InvalidArgument}.
 */
final class OssAuth {
  /** Who signed the request; {@code v4Region} is the region of a V4 scope, else null. */
  record Caller(AccessKey key, String v4Region) {
    boolean anonymous() {
      return key == null;
    }
  }

  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter V4_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private OssAuth() {}

  static Caller authenticate(HttpView request, AccountState state) {
    Instant now = state.now();
    String authorization = request.header("authorization");
    if (authorization == null || authorization.isEmpty()) {
      String presignedKey = query(request, "OSSAccessKeyId");
      return presignedKey == null ? new Caller(null, null) : presignedV1(request, presignedKey, state, now);
    }
    if (authorization.startsWith("OSS4-HMAC-SHA256")) {
      return v4(request, authorization, state, now);
    }
    if (authorization.startsWith("OSS ")) {
      return v1(request, authorization, state, now);
    }
    throw new OssError(400, "InvalidArgument", "Authorization header is invalid.");
  }

  private static Caller v1(HttpView request, String authorization, AccountState state, Instant now) {
    String credential = authorization.substring(4).trim();
    int colon = credential.lastIndexOf(':');
    if (colon <= 0) {
      throw new OssError(400, "InvalidArgument", "Authorization header is invalid.");
    }
    AccessKey key = key(state, credential.substring(0, colon));
    // OSS takes x-oss-date in place of Date (browsers cannot set Date; ali-oss always sends
    // x-oss-date): it is the request time, and it fills the Date line of the string to sign when
    // there is no Date header.
    String date = request.header("date");
    String ossDate = request.header("x-oss-date");
    if (date == null && ossDate == null) {
      throw new OssError(403, "AccessDenied", "Date header is required for signed requests.");
    }
    String time = ossDate != null ? ossDate : date;
    try {
      checkSkew(ZonedDateTime.parse(time, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), now);
    } catch (DateTimeParseException e) {
      throw new OssError(403, "AccessDenied", (ossDate != null ? "x-oss-date" : "Date") + " header is not in RFC 1123 format.");
    }
    checkToken(request, key);
    String stringToSign = OssV1Signature.stringToSign(request, date != null ? date : ossDate);
    if (!Hmac.same(OssV1Signature.sign(key.secret(), stringToSign), credential.substring(colon + 1))) {
      throw mismatch(key, stringToSign);
    }
    return new Caller(key, null);
  }

  /** A V1 presigned URL: {@code ?OSSAccessKeyId=…&Expires=<epoch seconds>&Signature=…}. */
  private static Caller presignedV1(HttpView request, String keyId, AccountState state, Instant now) {
    AccessKey key = key(state, keyId);
    String expires = query(request, "Expires");
    String signature = query(request, "Signature");
    if (expires == null || signature == null) {
      throw new OssError(403, "AccessDenied", "A presigned URL needs OSSAccessKeyId, Expires and Signature.");
    }
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw new OssError(403, "AccessDenied", "Expires must be a number of seconds since the epoch.");
    }
    if (now.getEpochSecond() > expiresAt) {
      throw new OssError(403, "AccessDenied", "Request has expired.").with("Expires", Instant.ofEpochSecond(expiresAt).toString())
          .with("ServerTime", now.toString());
    }
    checkToken(request, key);
    String stringToSign = OssV1Signature.stringToSign(request, expires);
    if (!Hmac.same(OssV1Signature.sign(key.secret(), stringToSign), signature)) {
      throw mismatch(key, stringToSign);
    }
    return new Caller(key, null);
  }

  private static String query(HttpView request, String name) {
    return request.query().stream().filter(p -> p.key().equals(name)).map(Encoding.Param::value).findFirst().orElse(null);
  }

  private static Caller v4(HttpView request, String authorization, AccountState state, Instant now) {
    OssV4Signature.Credential credential = OssV4Signature.parse(authorization);
    if (credential == null || !credential.product().equals("oss") || !credential.terminator().equals("aliyun_v4_request")) {
      throw new OssError(400, "InvalidArgument", "Authorization header is invalid.");
    }
    AccessKey key = key(state, credential.accessKeyId());
    String dateTime = request.header("x-oss-date");
    if (dateTime == null) {
      throw new OssError(403, "AccessDenied", "x-oss-date header is required for V4 signed requests.");
    }
    try {
      checkSkew(Instant.from(V4_TIME.parse(dateTime)), now);
    } catch (DateTimeParseException e) {
      throw new OssError(403, "AccessDenied", "x-oss-date is not in yyyyMMddTHHmmssZ format.");
    }
    if (!dateTime.startsWith(credential.date())) {
      throw new OssError(403, "AccessDenied", "The date of the credential scope does not match x-oss-date.");
    }
    checkToken(request, key);
    String canonical = OssV4Signature.canonicalRequest(request, credential.additionalHeaders());
    String stringToSign = OssV4Signature.stringToSign(dateTime, credential, canonical);
    if (!Hmac.same(OssV4Signature.sign(key.secret(), credential, stringToSign), credential.signature())) {
      throw mismatch(key, stringToSign).with("CanonicalRequest", redact(key, canonical));
    }
    return new Caller(key, credential.region());
  }

  private static AccessKey key(AccountState state, String id) {
    return state.accessKey(id).orElseThrow(() -> new OssError(403, "InvalidAccessKeyId",
        "The OSS Access Key Id you provided does not exist in our records.").with("OSSAccessKeyId", id));
  }

  private static void checkSkew(Instant requestTime, Instant now) {
    if (Duration.between(requestTime, now).abs().compareTo(SKEW) > 0) {
      throw new OssError(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.")
          .with("RequestTime", requestTime.toString()).with("ServerTime", now.toString());
    }
  }

  private static void checkToken(HttpView request, AccessKey key) {
    String token = request.header("x-oss-security-token");
    if (token == null) {
      token = query(request, "security-token");
    }
    if (key.securityToken() == null ? token != null : !key.securityToken().equals(token)) {
      throw new OssError(403, "InvalidSecurityToken", "The security token you provided is invalid.");
    }
  }

  /** OSS echoes its string to sign; an STS token in it is redacted, because error fields end up in logs. */
  private static OssError mismatch(AccessKey key, String stringToSign) {
    return new OssError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. "
        + "Check your key and signing method.").with("StringToSign", redact(key, stringToSign)).with("OSSAccessKeyId", key.id());
  }

  static String redact(AccessKey key, String text) {
    return key.securityToken() == null || key.securityToken().isEmpty() ? text : text.replace(key.securityToken(), "REDACTED");
  }
}
