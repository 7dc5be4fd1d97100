package io.exportguard.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * OPA's Policy API: {@code GET /v1/policies} lists the modules, {@code GET/PUT/DELETE
 * /v1/policies/{id}} reads, creates or replaces (compiled with every other module first; 400 with
 * the compile errors when it does not compile), and deletes one. Modules report {@code id},
 * {@code raw} and {@code ast}: OPA's AST JSON (without locations), as the engine's
 * {@code rego.parse_module} gives it; a module that only parses as Rego v0 has no {@code ast}.
 */
final class PolicyApi {
  static final String PREFIX = "/v1/policies";
  private final PolicyStore store;
  private final long maxBody;

  PolicyApi(PolicyStore store, long maxBody) {
    this.store = store;
    this.maxBody = maxBody;
  }

  void handle(HttpExchange ex) throws IOException, ApiException {
    String id = String.join("/", HttpIo.segments(ex, PREFIX));
    Map<String, String> params = HttpIo.params(ex);
    boolean pretty = HttpIo.flag(params, "pretty");
    switch (ex.getRequestMethod()) {
      case "GET" -> {
        ObjectNode out = PolicyStore.JSON.createObjectNode();
        if (id.isEmpty()) {
          ArrayNode list = out.putArray("result");
          for (PolicyStore.Module m : store.current().modules()) module(list.addObject(), m);
        } else {
          PolicyStore.Module m = store.current().modules().stream().filter(x -> x.id().equals(id)).findFirst()
              .orElseThrow(() -> ApiException.notFound("storage_policy_not_found: policy id \"" + id + "\""));
          module(out.putObject("result"), m);
        }
        HttpIo.json(ex, 200, out, pretty);
      }
      case "PUT" -> {
        if (id.isEmpty()) throw DataApi.methodNotAllowed();
        store.putModule(id, text(HttpIo.body(ex, maxBody)));
        HttpIo.json(ex, 200, PolicyStore.JSON.createObjectNode(), pretty);
      }
      case "DELETE" -> {
        if (id.isEmpty()) throw DataApi.methodNotAllowed();
        store.deleteModule(id);
        HttpIo.json(ex, 200, PolicyStore.JSON.createObjectNode(), pretty);
      }
      default -> throw DataApi.methodNotAllowed();
    }
  }

  private static void module(ObjectNode o, PolicyStore.Module m) throws IOException {
    o.put("id", m.id());
    o.put("raw", m.raw());
    Value ast = ast(m);
    if (ast != null) o.set("ast", PolicyStore.JSON.readTree(Json.write(ast)));
  }

  /** An empty policy set, to call the builtin through the engine's public API. */
  private static volatile PolicySet parser;

  /** The module as {@code rego.parse_module} reads it, or null when it does not parse as Rego v1. */
  private static Value ast(PolicyStore.Module m) {
    try {
      PolicySet p = parser;
      if (p == null) parser = p = Rego.builder().compile();
      ObjectValue input = ObjectValue.of(Map.of(StringValue.of("id"), StringValue.of(m.id()),
          StringValue.of("raw"), StringValue.of(m.raw())));
      return p.eval("rego.parse_module(input.id, input.raw)", input).value();
    } catch (RegoException e) {
      return null;
    }
  }

  private static String text(byte[] body) throws ApiException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("policy module is not valid UTF-8");
    }
  }
}
