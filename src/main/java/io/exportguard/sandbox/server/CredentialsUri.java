package io.exportguard.sandbox.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.exportguard.sandbox.http.Reply;
import io.exportguard.sandbox.http.ResponseFormat;
import io.exportguard.sandbox.rpc.StsApi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A credentials URI on the emulator, {@code GET /.sandbox/credentials?role=NAME}: session
 * credentials of the scenario's role NAME, as a credentials server answers
 * {@code ALIBABA_CLOUD_CREDENTIALS_URI}. 404 with {@code Code: EntityNotExist.Role} for an unknown
 * role, 400 without one; only GET.
 */
final class CredentialsUri implements HttpHandler {
  static final String PATH = "/.sandbox/credentials";

  private final StsApi sts;

  CredentialsUri(StsApi sts) {
    this.sts = sts;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "MethodNotAllowed", "only GET");
        return;
      }
      String role = queryParam(exchange.getRequestURI().getRawQuery(), "role");
      if (role == null || role.isEmpty()) {
        send(exchange, 400, "MissingParameter", "the role query parameter names the scenario's role to hand out");
        return;
      }
      Map<String, Object> body = sts.credentialsUri(role);
      if (body == null) {
        send(exchange, 404, "EntityNotExist.Role", "no role " + role + " in the scenario");
        return;
      }
      Reply.send(exchange, 200, "application/json", ResponseFormat.JSON.encode(null, body), Map.of());
    }
  }

  private static void send(HttpExchange exchange, int status, String code, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Code", code);
    body.put("Message", message);
    Reply.send(exchange, status, "application/json", ResponseFormat.JSON.encode(null, body), Map.of());
  }

  private static String queryParam(String rawQuery, String name) {
    if (rawQuery == null) return null;
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (k.equals(name)) return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
    }
    return null;
  }
}
