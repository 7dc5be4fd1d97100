package io.exportguard.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * OPA's Data API ({@code GET/POST/PUT/PATCH/DELETE /v1/data/{path}}) and the default decision
 * ({@code POST /}). A read evaluates {@code data.<path>} over the current policy set: 200 with
 * {@code {"result": ...}}, or 200 {@code {}} when the document is undefined; an evaluation error
 * is a 500 with the engine's message. Writes go to the store (204), which refuses paths a bundle owns.
 */
final class DataApi {
  static final String PREFIX = "/v1/data";
  private final PolicyStore store;
  private final EvalOptions options;
  private final String defaultDecision;
  private final String version;
  private final long maxBody;

  DataApi(PolicyStore store, EvalOptions options, String defaultDecision, String version, long maxBody) {
    this.store = store;
    this.options = options;
    this.defaultDecision = defaultDecision;
    this.version = version;
    this.maxBody = maxBody;
  }

  void handle(HttpExchange ex) throws IOException, ApiException {
    List<String> path = HttpIo.segments(ex, PREFIX);
    Map<String, String> params = HttpIo.params(ex);
    switch (ex.getRequestMethod()) {
      case "GET" -> read(ex, path, params, params.containsKey("input") ? parseInput(params.get("input")) : null, false);
      case "POST" -> {
        byte[] body = HttpIo.body(ex, maxBody);
        Value doc = body.length == 0 ? null : parse(body, "body");
        if (doc != null && !(doc instanceof ObjectValue)) {
          throw ApiException.badRequest("body contains malformed input document: must be an object with \"input\"");
        }
        Value input = doc == null ? null : ((ObjectValue) doc).get("input");
        read(ex, path, params, input, input == null);
      }
      case "PUT" -> {
        JsonNode value = jsonBody(ex);
        if ("*".equals(ex.getRequestHeaders().getFirst("If-None-Match")) && store.baseDocument(path) != null) {
          HttpIo.noContent(ex, 304);
          return;
        }
        store.writeData(path, t -> t.put(path, value));
        HttpIo.noContent(ex, 204);
      }
      case "PATCH" -> {
        JsonNode ops = jsonBody(ex);
        store.writeData(path, t -> t.patch(path, ops));
        HttpIo.noContent(ex, 204);
      }
      case "DELETE" -> {
        store.writeData(path, t -> t.remove(path));
        HttpIo.noContent(ex, 204);
      }
      default -> throw methodNotAllowed();
    }
  }

  /** {@code POST /}: the body is the input, the answer is the default decision's value itself. */
  void defaultDecision(HttpExchange ex) throws IOException, ApiException {
    if (!ex.getRequestMethod().equals("POST")) throw methodNotAllowed();
    byte[] body = HttpIo.body(ex, maxBody);
    Value input = body.length == 0 ? null : parse(body, "body");
    List<String> path = List.of(defaultDecision.split("/"));
    Value result = evaluate(path, input, false);
    if (result == null) {
      throw new ApiException(404, ApiException.UNDEFINED_DOCUMENT, "document missing: data."
          + String.join(".", path));
    }
    HttpIo.raw(ex, 200, Json.write(result));
  }

  private void read(HttpExchange ex, List<String> path, Map<String, String> params, Value input, boolean noInputKey)
      throws IOException, ApiException {
    long start = System.nanoTime();
    Value result = evaluate(path, input, HttpIo.flag(params, "strict-builtin-errors"));
    long evalNs = System.nanoTime() - start;
    boolean pretty = HttpIo.flag(params, "pretty");
    boolean metrics = HttpIo.flag(params, "metrics");
    boolean provenance = HttpIo.flag(params, "provenance");
    boolean warn = noInputKey && ex.getRequestMethod().equals("POST");
    if (!pretty && !metrics && !provenance && !warn) {
      HttpIo.raw(ex, 200, result == null ? "{}" : "{\"result\":" + Json.write(result) + "}");
      return;
    }
    ObjectNode out = PolicyStore.JSON.createObjectNode();
    if (result != null) out.set("result", PolicyStore.JSON.readTree(Json.write(result)));
    if (metrics) out.putObject("metrics").put("timer_rego_query_eval_ns", evalNs);
    if (provenance) {
      ObjectNode p = out.putObject("provenance");
      p.put("version", version);
      ObjectNode bundles = p.putObject("bundles");
      store.current().bundles().forEach(b -> bundles.putObject(b.source()).put("revision", b.manifest().revision()));
    }
    if (warn) {
      out.putObject("warning").put("code", "api_usage_warning").put("message", "'input' key missing from the request");
    }
    HttpIo.json(ex, 200, out, pretty);
  }

  /**
   * The document at {@code data.<path>}, or null when undefined. Segments up to the first number
   * form the query; the rest index into its value, so {@code /servers/0} reads an array element.
   */
  Value evaluate(List<String> path, Value input, boolean strict) throws ApiException {
    int queried = 0;
    StringBuilder q = new StringBuilder("data");
    while (queried < path.size() && !isIndex(path.get(queried))) {
      q.append('[');
      Json.quote(path.get(queried++), q);
      q.append(']');
    }
    QueryResult r;
    try {
      r = store.current().policies().eval(q.toString(), input, strict ? options.withStrictBuiltinErrors(true) : options);
    } catch (RegoException e) {
      throw new ApiException(500, ApiException.INTERNAL, e.getMessage(), e.errors());
    }
    if (!r.defined()) return null;
    Value v = r.value();
    for (int i = queried; i < path.size() && v != null; i++) {
      String s = path.get(i);
      if (v instanceof ArrayValue a) {
        int n = isIndex(s) ? Integer.parseInt(s) : -1;
        v = n >= 0 && n < a.size() ? a.get(n) : null;
      } else if (v instanceof ObjectValue o) {
        v = o.get(StringValue.of(s));
      } else {
        v = null;
      }
    }
    return v;
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }

  private JsonNode jsonBody(HttpExchange ex) throws IOException, ApiException {
    byte[] body = HttpIo.body(ex, maxBody);
    try {
      JsonNode n = PolicyStore.JSON.readTree(body);
      if (n == null || n.isMissingNode()) throw ApiException.badRequest("request body is empty");
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("body contains malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static Value parseInput(String text) throws ApiException {
    return parse(text.getBytes(StandardCharsets.UTF_8), "input parameter");
  }

  static Value parse(byte[] body, String what) throws ApiException {
    try {
      return Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (Json.JsonSyntaxException e) {
      throw ApiException.badRequest(what + " contains malformed input document: " + e.getMessage() + " at line "
          + e.line() + ", column " + e.column());
    } catch (RuntimeException e) {
      throw ApiException.badRequest(what + " contains malformed input document: " + e.getMessage());
    }
  }

  static ApiException methodNotAllowed() {
    return new ApiException(405, ApiException.INVALID_PARAMETER, "method not allowed");
  }
}
