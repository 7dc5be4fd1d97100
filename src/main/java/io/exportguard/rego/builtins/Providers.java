package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;

import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cloud provider helpers: {@code providers.aws.sign_req} signs an {@code http.send} request object
 * with AWS Signature Version 4 at a given time, as OPA does (the same canonical request, so the same
 * signature): the request's headers (except a few proxies rewrite) plus {@code host},
 * {@code x-amz-date}, the payload hash for S3 and Glacier and the session token are signed, and the
 * returned request carries them and the {@code Authorization} header.
 */
final class Providers {
  private Providers() {}

  private static final Set<String> REQUIRED_CONFIG = Set.of("aws_service", "aws_access_key", "aws_secret_access_key", "aws_region");
  /** Headers a proxy may rewrite, so AWS's own signers leave them out. */
  private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "user-agent", "x-amzn-trace-id");
  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  static void register(BuiltinRegistry r) {
    def(r, "providers.aws.sign_req", Providers::awsSignRequest);
  }

  static Value awsSignRequest(BuiltinContext ctx, List<Value> a) {
    ObjectValue req = Args.obj(a, 1);
    // OPA names the config operand "operand 1" in its type error; mirrored.
    if (!(a.get(1) instanceof ObjectValue config)) throw Args.typeError(1, a.get(1), "object");
    checkConfig(config);
    String service = string(config.get("aws_service"));
    if (!(a.get(2) instanceof NumberValue time)) throw Args.typeError(1, a.get(2), "number");
    // OPA parses the number's literal as an int64, so 1e9 and 1.0 are refused; scale 0 is that literal form.
    Long nanos = time.value().scale() == 0 ? time.longValueOrNull() : null;
    if (nanos == null) throw Args.operand(3, "could not convert time_ns value into a unix timestamp");
    Http.checkRequest(req, 1);

    Value headersValue = req.get("headers");
    ObjectValue headers = ObjectValue.EMPTY;
    if (headersValue != null) {
      if (!(headersValue instanceof ObjectValue h)) throw Args.typeError(0, headersValue, "object");
      headers = h;
    }
    TreeSet<Value> invalid = new TreeSet<>();
    if (!(req.get("url") instanceof StringValue)) invalid.add(s("url"));
    if (!(req.get("method") instanceof StringValue)) invalid.add(s("method"));
    if (!invalid.isEmpty()) {
      throw Args.operand(1, "invalid values for required request parameters(s): " + RegoText.of(SetValue.wrap(invalid)));
    }
    GoUrl url;
    try {
      url = GoUrl.parse(string(req.get("url")));
    } catch (GoUrl.ParseError e) {
      throw Args.fail(e.getMessage());
    }
    byte[] body = body(req);
    boolean unsignedPayload = false;
    Value disable = config.get("disable_payload_signing");
    if (disable != null) {
      if (!(disable instanceof BooleanValue b)) throw Args.operand(2, "invalid value for 'disable_payload_signing' in AWS config");
      unsignedPayload = b.value();
    }

    TreeMap<String, String> requestHeaders = new TreeMap<>();
    for (Map.Entry<Value, Value> e : headers.entries().entrySet()) requestHeaders.put(string(e.getKey()), string(e.getValue()));
    Credentials creds = new Credentials(string(config.get("aws_access_key")), string(config.get("aws_secret_access_key")),
        string(config.get("aws_region")), string(config.get("aws_session_token")));
    Instant at = Instant.ofEpochSecond(0, nanos);
    TreeMap<String, String> awsHeaders = new TreeMap<>();
    String authorization = signV4(requestHeaders, string(req.get("method")), url, body, service, creds, at, unsignedPayload,
        awsHeaders);

    TreeMap<Value, Value> signed = new TreeMap<>();
    requestHeaders.forEach((k, v) -> signed.put(s(k), s(v)));
    signed.put(s("Authorization"), s(authorization));
    awsHeaders.forEach((k, v) -> signed.put(s(k), s(v)));
    TreeMap<Value, Value> out = new TreeMap<>(req.entries());
    out.put(s("headers"), ObjectValue.wrap(signed));
    return ObjectValue.wrap(out);
  }

  private record Credentials(String accessKey, String secretKey, String region, String sessionToken) {}

  private static void checkConfig(ObjectValue config) {
    TreeSet<Value> missing = new TreeSet<>();
    TreeSet<Value> invalid = new TreeSet<>();
    for (String key : REQUIRED_CONFIG) {
      Value v = config.get(key);
      if (v == null) missing.add(s(key));
      else if (!(v instanceof StringValue)) invalid.add(s(key));
    }
    if (!missing.isEmpty()) {
      throw Args.operand(2, "missing required AWS config parameters(s): " + RegoText.of(SetValue.wrap(missing)));
    }
    if (!invalid.isEmpty()) {
      throw Args.operand(2, "invalid values for required AWS config parameters(s): " + RegoText.of(SetValue.wrap(invalid)));
    }
  }

  /** OPA reads a non-string where it wants a string as the empty string. */
  private static String string(Value v) { return v instanceof StringValue sv ? sv.value() : ""; }

  /** {@code raw_body} as given, else {@code body} as Go's JSON, else nothing. */
  private static byte[] body(ObjectValue req) {
    Value raw = req.get("raw_body");
    if (raw != null) return string(raw).getBytes(StandardCharsets.UTF_8);
    Value body = req.get("body");
    if (body != null) return GoJson.compact(body).getBytes(StandardCharsets.UTF_8);
    return new byte[0];
  }

  /**
   * Signs: builds the canonical request (method, escaped path, raw query, sorted lower-case headers,
   * their names, payload hash), the string to sign over its hash, and the HMAC chain of the scope.
   * Fills {@code awsHeaders} with the headers the signature adds and returns the Authorization value.
   */
  private static String signV4(Map<String, String> headers, String method, GoUrl url, byte[] body, String service,
                               Credentials creds, Instant at, boolean unsignedPayload, Map<String, String> awsHeaders) {
    String payloadHash = unsignedPayload ? UNSIGNED_PAYLOAD : HexFormat.of().formatHex(sha256(body));
    String day = DAY.format(at);
    String stamp = STAMP.format(at);
    awsHeaders.put("host", url.host);
    awsHeaders.put("x-amz-date", stamp);
    if (service.equals("s3") || service.equals("glacier")) awsHeaders.put("x-amz-content-sha256", payloadHash);
    if (!creds.sessionToken().isEmpty()) awsHeaders.put("x-amz-security-token", creds.sessionToken());

    TreeMap<String, String> toSign = new TreeMap<>(awsHeaders);
    headers.forEach((k, v) -> {
      String lower = k.toLowerCase(java.util.Locale.ROOT);
      if (!UNSIGNED_HEADERS.contains(lower)) toSign.put(lower, v);
    });
    StringBuilder canonical = new StringBuilder();
    canonical.append(method).append('\n').append(url.escapedPath()).append('\n').append(url.rawQuery).append('\n');
    toSign.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    String signedHeaders = String.join(";", toSign.keySet());
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);

    String scope = day + "/" + creds.region() + "/" + service + "/aws4_request";
    String stringToSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
        + HexFormat.of().formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = Crypto.hmac("HmacSHA256", day.getBytes(StandardCharsets.UTF_8),
        ("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8));
    for (String part : List.of(creds.region(), service, "aws4_request")) {
      key = Crypto.hmac("HmacSHA256", part.getBytes(StandardCharsets.UTF_8), key);
    }
    String signature = HexFormat.of().formatHex(Crypto.hmac("HmacSHA256", stringToSign.getBytes(StandardCharsets.UTF_8), key));
    return "AWS4-HMAC-SHA256 Credential=" + creds.accessKey() + "/" + scope + ",SignedHeaders=" + signedHeaders
        + ",Signature=" + signature;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
