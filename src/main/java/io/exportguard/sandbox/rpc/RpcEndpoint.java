package io.exportguard.sandbox.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.exportguard.sandbox.faults.FaultInjector;
import io.exportguard.sandbox.http.Reply;
import io.exportguard.sandbox.http.RequestIds;
import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import io.exportguard.sandbox.signing.Encoding;
import io.exportguard.sandbox.signing.Hmac;
import io.exportguard.sandbox.signing.NonceCache;
import io.exportguard.sandbox.signing.RpcSignature;
import io.exportguard.sandbox.state.AccountState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RPC gateway: authenticates a request the way the API gateway does, then routes it by
 * Version and Action. Checks, in order: the signature parameters are present
 * ({@code IncompleteSignature}), the access key exists ({@code InvalidAccessKeyId.NotFound}), the
 * timestamp is well formed and within 15 minutes ({@code InvalidTimeStamp.Format},
 * {@code InvalidTimeStamp.Expired}), the STS token matches ({@code InvalidSecurityToken.Mismatch}),
 * the signature matches ({@code SignatureDoesNotMatch}, echoing the server's string to sign as the
 * service does), the nonce is fresh ({@code SignatureNonceUsed}); then the product
 * ({@code InvalidVersion}), the action ({@code InvalidAction.NotFound}), injected faults, and the
 * action itself.
 */
public final class RpcEndpoint {
  static final String ECS_VERSION = "2014-05-26";
  static final String RAM_VERSION = "2015-05-01";
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SIGNATURE_PARAMS =
      List.of("AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp");

  private final AccountState state;
  private final FaultInjector faults;
  private final NonceCache nonces = new NonceCache(SKEW.toMillis() * 2);
  private final Map<String, RpcAction> ecs;
  private final Map<String, RpcAction> ram;

  public RpcEndpoint(AccountState state, FaultInjector faults) {
    this.state = state;
    this.faults = faults;
    this.ecs = new EcsApi(state).actions();
    this.ram = new RamApi(state.scenario()).actions();
  }

  /** True when a request on {@code /} is an RPC call rather than an OSS service-level request. */
  public static boolean isRpc(String rawQuery) {
    return rawQuery != null && (rawQuery.startsWith("Action=") || rawQuery.contains("&Action="));
  }

  public void handle(HttpExchange exchange) throws IOException {
    String requestId = RequestIds.next();
    Map<String, String> params = new HashMap<>();
    for (Encoding.Param p : Encoding.parseQuery(exchange.getRequestURI().getRawQuery())) {
      params.put(p.key(), p.value() == null ? "" : p.value());
    }
    byte[] body = Reply.drain(exchange);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (body.length > 0 && contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      for (Encoding.Param p : Encoding.parseQuery(new String(body, StandardCharsets.UTF_8))) {
        params.put(p.key(), p.value() == null ? "" : p.value());
      }
    }
    String version = params.getOrDefault("Version", "");
    String host = version.equals(RAM_VERSION) ? "ram.aliyuncs.com" : "ecs.aliyuncs.com";
    try {
      authenticate(exchange.getRequestMethod(), params);
      Map<String, RpcAction> product;
      String prefix;
      if (version.equals(ECS_VERSION)) {
        product = ecs;
        prefix = "ecs:";
      } else if (version.equals(RAM_VERSION)) {
        product = ram;
        prefix = "ram:";
      } else {
        throw new RpcError(400, "InvalidVersion", "Specified parameter Version is not valid.");
      }
      String action = params.getOrDefault("Action", "");
      RpcAction handler = product.get(action);
      if (handler == null) {
        throw new RpcError(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
      }
      FaultInjector.Injected injected = faults.isEmpty() ? null : faults.apply(prefix + action, false);
      if (injected != null) {
        throw new RpcError(injected.status(), injected.code(), injected.message());
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("RequestId", requestId);
      reply.putAll(handler.handle(new RpcCall(action, params)));
      write(exchange, 200, reply);
    } catch (RuntimeException failure) {
      // A bug in the sandbox still answers in the service's shape, so the SDK reports a ServerException.
      RpcError e = failure instanceof RpcError r ? r : new RpcError(500, "InternalError", "The sandbox failed: " + failure);
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("RequestId", requestId);
      error.put("HostId", host);
      error.put("Code", e.code());
      error.put("Message", e.getMessage());
      error.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code());
      write(exchange, e.status(), error);
    }
  }

  private void authenticate(String method, Map<String, String> params) {
    for (String p : SIGNATURE_PARAMS) {
      if (params.getOrDefault(p, "").isEmpty()) {
        throw new RpcError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: " + p + " is missing.");
      }
    }
    if (!params.get("SignatureMethod").equals("HMAC-SHA1") || !params.getOrDefault("SignatureVersion", "1.0").equals("1.0")) {
      throw new RpcError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: only HMAC-SHA1, version 1.0.");
    }
    AccessKey key = state.scenario().accessKey(params.get("AccessKeyId"))
        .orElseThrow(() -> new RpcError(400, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
    Instant now = state.now();
    Instant timestamp;
    try {
      timestamp = Instant.parse(params.get("Timestamp"));
    } catch (DateTimeParseException e) {
      throw new RpcError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }
    if (Duration.between(timestamp, now).abs().compareTo(SKEW) > 0) {
      throw new RpcError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }
    String token = params.get("SecurityToken");
    if (key.securityToken() == null ? token != null : !key.securityToken().equals(token)) {
      throw new RpcError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken does not match the AccessKey.");
    }
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
    if (!nonces.firstUse(key.id(), params.get("SignatureNonce"), now.toEpochMilli())) {
      throw new RpcError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }
  }

  private static void write(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    // Jackson writes non-ASCII as UTF-8, never as \\uXXXX escapes the core SDK's reader cannot decode.
    Reply.send(exchange, status, "application/json;charset=utf-8", JSON.writeValueAsBytes(body), Map.of());
  }
}
