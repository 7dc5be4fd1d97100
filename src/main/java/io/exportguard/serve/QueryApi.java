package io.exportguard.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * OPA's Query API: {@code GET /v1/query?q=QUERY} and {@code POST /v1/query} with
 * {@code {"query": ..., "input": ...}} evaluate an ad-hoc query and answer
 * {@code {"result": [{var: value, ...}, ...]}}, one object of the named variables per solution
 * (OPA leaves wildcards and the compiler's names out, as {@link QueryResult.Result#bindings()}
 * does), or {@code {}} when the query is undefined. A query that does not parse or compile is a
 * 400 with the errors; an evaluation error a 500.
 */
final class QueryApi {
  static final String PREFIX = "/v1/query";
  private final PolicyStore store;
  private final EvalOptions options;
  private final long maxBody;

  QueryApi(PolicyStore store, EvalOptions options, long maxBody) {
    this.store = store;
    this.options = options;
    this.maxBody = maxBody;
  }

  void handle(HttpExchange ex) throws IOException, ApiException {
    if (!ex.getRequestURI().getRawPath().equals(PREFIX)) throw ApiException.notFound("no such endpoint");
    Map<String, String> params = HttpIo.params(ex);
    String query;
    Value input = null;
    switch (ex.getRequestMethod()) {
      case "GET" -> query = params.get("q");
      case "POST" -> {
        Value body = DataApi.parse(HttpIo.body(ex, maxBody), "body");
        if (!(body instanceof ObjectValue o)) throw ApiException.badRequest("body must be an object with \"query\"");
        query = o.get(StringValue.of("query")) instanceof StringValue s ? s.value() : null;
        input = o.get(StringValue.of("input"));
      }
      default -> throw DataApi.methodNotAllowed();
    }
    if (query == null || query.isBlank()) throw ApiException.badRequest("missing parameter 'q'");
    QueryResult r;
    try {
      r = store.current().policies().eval(query, input, options);
    } catch (RegoException e) {
      boolean bad = e.code().startsWith("rego_"); // parse, compile, type, unsafe: the query's fault, not the server's
      throw new ApiException(bad ? 400 : 500, bad ? ApiException.INVALID_PARAMETER : ApiException.INTERNAL,
          e.getMessage(), e.errors());
    }
    ObjectNode out = PolicyStore.JSON.createObjectNode();
    if (r.defined()) {
      ArrayNode list = out.putArray("result");
      for (QueryResult.Result each : r.results()) {
        ObjectNode solution = list.addObject();
        for (Map.Entry<String, Value> b : each.bindings().entrySet()) {
          solution.set(b.getKey(), PolicyStore.JSON.readTree(Json.write(b.getValue()).getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    HttpIo.json(ex, 200, out, HttpIo.flag(params, "pretty"));
  }
}
