package io.exportguard.sandbox.rpc;

import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import io.exportguard.sandbox.signing.AcsV3Signature;
import io.exportguard.sandbox.signing.Hmac;
import io.exportguard.sandbox.signing.NonceCache;
import io.exportguard.sandbox.signing.RpcSignature;
import io.exportguard.sandbox.state.AccountState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Authenticates an RPC request the way the API gateway does, for both signatures it accepts: V1
 * (HMAC-SHA1 over the parameters) and V3 ({@code ACS3-HMAC-SHA256} over a canonical request). The
 * checks run in the same order for both: the signature's parts are present and well formed
 * ({@code IncompleteSignature}), the access key exists ({@code InvalidAccessKeyId.NotFound}), the
 * time is well formed and within 15 minutes ({@code InvalidTimeStamp.Format},
 * {@code InvalidTimeStamp.Expired}), the STS token matches ({@code InvalidSecurityToken.Mismatch}),
 * the signature matches ({@code SignatureDoesNotMatch}, with the server's string to sign in the
 * message as the gateway gives it), and the nonce is fresh ({@code SignatureNonceUsed}).
 */
final class RpcAuth {
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final List<String> V1_PARAMS = List.of("AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp");
  /** Headers a V3 request must carry and sign: they bind it to its host, its body, its time and its nonce. */
  private static final List<String> V3_SIGNED = List.of("host", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce");

  private final AccountState state;
  private final NonceCache nonces = new NonceCache(SKEW.toMillis() * 2);

  RpcAuth(AccountState state) {
    this.state = state;
  }

  /** The caller's access key, or an {@link RpcError} naming why the gateway refuses the request. */
  AccessKey authenticate(RpcRequest request) {
    return request.v3() ? v3(request) : v1(request);
  }

  private AccessKey v1(RpcRequest request) {
    Map<String, String> params = request.params();
    for (String p : V1_PARAMS) {
      if (params.getOrDefault(p, "").isEmpty()) {
        throw incomplete(p + " is missing.");
      }
    }
    if (!params.get("SignatureMethod").equals("HMAC-SHA1") || !params.getOrDefault("SignatureVersion", "1.0").equals("1.0")) {
      throw incomplete("only HMAC-SHA1, version 1.0.");
    }
    AccessKey key = key(params.get("AccessKeyId"));
    Instant now = checkTime(params.get("Timestamp"));
    String token = params.get("SecurityToken");
    checkToken(key, token);
    String method = request.view().method();
    String stringToSign = RpcSignature.stringToSign(method, params);
    if (!Hmac.same(RpcSignature.sign(key.secret(), stringToSign), params.get("Signature"))) {
      // The service echoes its string to sign; an STS token in it is redacted, because messages end up in logs.
      String echoed = stringToSign;
      if (token != null) {
        Map<String, String> redacted = new HashMap<>(params);
        redacted.put("SecurityToken", "REDACTED");
        echoed = RpcSignature.stringToSign(method, redacted);
      }
      throw new RpcError(400, "SignatureDoesNotMatch",
          "Specified signature is not matched with our calculation. server string to sign is:" + echoed);
    }
    checkNonce(key, params.get("SignatureNonce"), now);
    return key;
  }

  private AccessKey v3(RpcRequest request) {
    String header = request.header("authorization");
    if (!header.startsWith(AcsV3Signature.ALGORITHM + " ")) {
      throw incomplete("the signature algorithm " + header.split(" ", 2)[0] + " is not supported; use " + AcsV3Signature.ALGORITHM + ".");
    }
    AcsV3Signature.Authorization auth = AcsV3Signature.parse(header);
    if (auth == null) {
      throw incomplete("the Authorization header must be " + AcsV3Signature.ALGORITHM + " Credential=...,SignedHeaders=...,Signature=...");
    }
    for (String name : V3_SIGNED) {
      if (request.header(name) == null) {
        throw incomplete("the " + name + " header is missing.");
      }
      if (!auth.signedHeaders().contains(name)) {
        throw incomplete("the " + name + " header must be signed.");
      }
    }
    for (String name : auth.signedHeaders()) {
      if (request.header(name) == null) {
        throw incomplete("the signed header " + name + " is not in the request.");
      }
    }
    AccessKey key = key(auth.accessKeyId());
    Instant now = checkTime(request.header("x-acs-date"));
    String token = request.header("x-acs-security-token");
    checkToken(key, token);
    if (token != null && !auth.signedHeaders().contains("x-acs-security-token")) {
      throw incomplete("the x-acs-security-token header must be signed.");
    }
    String canonical = AcsV3Signature.canonicalRequest(request.view(), auth.signedHeaders(), Hmac.sha256Hex(request.body()));
    String stringToSign = AcsV3Signature.stringToSign(canonical);
    if (!Hmac.same(AcsV3Signature.sign(key.secret(), stringToSign), auth.signature())) {
      // The string to sign holds only a hash, so unlike V1 it never reveals a token.
      throw new RpcError(400, "SignatureDoesNotMatch",
          "Specified signature does not match our calculation. server StringToSign is [" + stringToSign + "]");
    }
    checkNonce(key, request.header("x-acs-signature-nonce"), now);
    return key;
  }

  private AccessKey key(String id) {
    return state.accessKey(id).orElseThrow(() -> new RpcError(400, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
  }

  private Instant checkTime(String value) {
    Instant now = state.now();
    Instant time;
    try {
      time = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new RpcError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }
    if (Duration.between(time, now).abs().compareTo(SKEW) > 0) {
      throw new RpcError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }
    return now;
  }

  private static void checkToken(AccessKey key, String token) {
    if (key.securityToken() == null ? token != null : !key.securityToken().equals(token)) {
      throw new RpcError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken does not match the AccessKey.");
    }
  }

  private void checkNonce(AccessKey key, String nonce, Instant now) {
    if (!nonces.firstUse(key.id(), nonce, now.toEpochMilli())) {
      throw new RpcError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }
  }

  private static RpcError incomplete(String why) {
    return new RpcError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: " + why);
  }
}
