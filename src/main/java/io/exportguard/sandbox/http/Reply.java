package io.exportguard.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Writes one complete reply; a body is always sent with its exact length (never chunked). */
public final class Reply {
  private Reply() {}

  public static void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
      throws IOException {
    try {
      drain(exchange);
    } catch (IOException alreadyRead) {
      // the endpoint read the body itself; the stream is closed
    }
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head || body == null || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  /** Reads what is left of the request body so the connection can be reused. */
  public static byte[] drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }
}
