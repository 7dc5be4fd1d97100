package io.exportguard.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading requests (bounded bodies, query parameters, path segments) and writing JSON responses. */
final class HttpIo {
  private HttpIo() {}

  /** The body, at most {@code max} bytes; a larger one is a 413. */
  static byte[] body(HttpExchange ex, long max) throws IOException, ApiException {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > max) throw tooLarge(max);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid Content-Length");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    try (InputStream in = ex.getRequestBody()) {
      long n = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
        if (n > max) throw tooLarge(max);
        out.write(buf, 0, r);
      }
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge(long max) {
    return new ApiException(413, ApiException.INVALID_PARAMETER, "request body too large (limit " + max + " bytes)");
  }

  /** Query parameters; a parameter without a value ({@code ?pretty}) maps to "". */
  static Map<String, String> params(HttpExchange ex) {
    Map<String, String> out = new HashMap<>();
    String q = ex.getRequestURI().getRawQuery();
    if (q == null || q.isEmpty()) return out;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      // Form encoding, as Go's url.Query() reads it: '+' is a space here (unlike in the path).
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.putIfAbsent(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static boolean flag(Map<String, String> params, String name) {
    String v = params.get(name);
    return v != null && (v.isEmpty() || v.equalsIgnoreCase("true"));
  }

  /** The URL-decoded segments of the raw path after {@code prefix}; empty segments are dropped. */
  static List<String> segments(HttpExchange ex, String prefix) {
    String raw = ex.getRequestURI().getRawPath().substring(prefix.length());
    List<String> out = new ArrayList<>();
    for (String s : raw.split("/")) {
      if (!s.isEmpty()) out.add(decode(s));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static void json(HttpExchange ex, int status, JsonNode body, boolean pretty) throws IOException {
    String text;
    try {
      text = pretty ? PolicyStore.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body)
          : PolicyStore.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    raw(ex, status, text);
  }

  /** Writes JSON text as it is (the fast path for decisions, which are built as text). */
  static void raw(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static void noContent(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }
}
