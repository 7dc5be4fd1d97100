package io.exportguard.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.exportguard.sandbox.http.JsonTrees;
import io.exportguard.sandbox.http.Reply;
import io.exportguard.sandbox.http.ResponseFormat;
import io.exportguard.sandbox.signing.AcsV3Signature;
import io.exportguard.sandbox.signing.Encoding;
import io.exportguard.sandbox.signing.HttpView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to the RPC gateway as read off the wire. {@code view} is what a signature covers
 * (method, path, query, lower-cased headers), {@code body} the raw body, and {@code params} every
 * parameter decoded from the query and from a form or JSON body. V1 requests carry Action and
 * Version as parameters; V3 requests ({@code ACS3-*} Authorization) carry them in the
 * {@code x-acs-action} and {@code x-acs-version} headers.
 */
record RpcRequest(HttpView view, Map<String, String> params, byte[] body, boolean v3) {

  static RpcRequest read(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
    List<Encoding.Param> query = Encoding.parseQuery(exchange.getRequestURI().getRawQuery());
    String rawPath = exchange.getRequestURI().getRawPath();
    HttpView view = new HttpView(exchange.getRequestMethod(), Encoding.decodePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath),
        query, headers);
    Map<String, String> params = new HashMap<>();
    for (Encoding.Param p : query) {
      params.put(p.key(), p.value() == null ? "" : p.value());
    }
    byte[] body = Reply.drain(exchange);
    String contentType = view.header("content-type");
    if (body.length > 0 && contentType != null) {
      if (contentType.startsWith("application/x-www-form-urlencoded")) {
        for (Encoding.Param p : Encoding.parseQuery(new String(body, StandardCharsets.UTF_8))) {
          params.put(p.key(), p.value() == null ? "" : p.value());
        }
      } else if (contentType.startsWith("application/json")) {
        jsonParams(body, params);
      }
    }
    String authorization = view.header("authorization");
    boolean v3 = authorization != null && authorization.startsWith("ACS3-");
    return new RpcRequest(view, params, body, v3);
  }

  /** A JSON object body's top-level members: text as it is, anything else as its JSON text. */
  private static void jsonParams(byte[] body, Map<String, String> params) {
    try {
      JsonNode root = JsonTrees.read(body);
      if (root != null && root.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : JsonTrees.write(e.getValue()));
        }
      }
    } catch (IOException malformed) {
      throw new RpcError(400, "InvalidParameter", "The request body is not valid JSON.");
    }
  }

  /** True when a request on {@code /} is meant for the RPC gateway rather than OSS. */
  static boolean isRpc(String method, String rawQuery, String contentType, String acsAction, String authorization) {
    if (acsAction != null || (authorization != null && authorization.startsWith(AcsV3Signature.ALGORITHM))) {
      return true;
    }
    if (rawQuery != null && (rawQuery.startsWith("Action=") || rawQuery.contains("&Action="))) {
      return true;
    }
    return method.equals("POST") && contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
  }

  String header(String lowerName) {
    return view.header(lowerName);
  }

  String action() {
    String header = v3 ? header("x-acs-action") : null;
    return header != null ? header : params.getOrDefault("Action", "");
  }

  String version() {
    String header = v3 ? header("x-acs-version") : null;
    return header != null ? header : params.getOrDefault("Version", "");
  }

  ResponseFormat format() {
    return ResponseFormat.requested(params.get("Format"), header("accept"));
  }
}
