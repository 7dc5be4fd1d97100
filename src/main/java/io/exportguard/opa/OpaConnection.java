package io.exportguard.opa;

import com.bisnode.opa.client.OpaClientException;
import com.bisnode.opa.client.data.OpaDataClient;
import com.bisnode.opa.client.data.OpaDocument;
import com.bisnode.opa.client.policy.OpaPolicy;
import com.bisnode.opa.client.policy.OpaPolicyClient;
import com.bisnode.opa.client.query.OpaQueryClient;
import com.bisnode.opa.client.query.QueryForDocumentRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executor;

/**
 * One OPA server as the OPA Java client's three APIs (query, data, policy) over {@link OpaTransport},
 * plus the one read the client lacks: listing the server's policies (to check it holds the pack).
 */
final class OpaConnection {
  static final ObjectMapper JSON = new ObjectMapper();
  private final OpaSettings settings;
  private final OpaTransport transport;
  private final HttpClient http;
  private final OpaQueryClient query;
  private final OpaDataClient data;
  private final OpaPolicyClient policies;

  /**
   * @param executor the HttpClient's own threads; never the pool whose threads wait in {@code send}
   *     (the client completes responses on it, so sharing it deadlocks when every thread waits)
   */
  OpaConnection(OpaSettings settings, Executor executor) {
    this.settings = settings;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1).executor(executor);
    if (settings.caFile() != null) b.sslContext(settings.sslContext());
    this.http = b.build();
    this.transport = new OpaTransport(settings, http, JSON);
    this.query = new OpaQueryClient(transport);
    this.data = new OpaDataClient(transport);
    this.policies = new OpaPolicyClient(transport);
  }

  OpaSettings settings() { return settings; }

  /** {@code POST /v1/data/<path>} with the input; the client throws when the document is undefined. */
  JsonNode document(String path, JsonNode input) {
    return query.queryForDocument(new QueryForDocumentRequest(input, path), JsonNode.class);
  }

  /** {@code PUT /v1/policies/<id>}. */
  void putPolicy(String id, String source) {
    policies.createOrUpdatePolicy(new OpaPolicy(id, source));
  }

  /** {@code PUT /v1/data/<path>}. */
  void putData(String path, String json) {
    data.createOrOverwriteDocument(new OpaDocument(path, json));
  }

  /** {@code GET /v1/policies}: the {@code result} list, each with {@code id} and {@code raw}. */
  JsonNode listPolicies() { return get("/v1/policies").path("result"); }

  /** {@code GET /v1/data/<path>}: the result, or null when undefined. */
  JsonNode getData(String path) { return get("/v1/data/" + path).get("result"); }

  private JsonNode get(String path) {
    HttpRequest request = transport.decorate(HttpRequest.newBuilder(URI.create(settings.base() + path))).GET().build();
    try {
      HttpResponse<byte[]> r = transport.sendRequest(request, HttpResponse.BodyHandlers.ofByteArray());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new OpaClientException("cannot read the OPA server's answer to GET " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpaClientException("interrupted", e);
    }
  }
}
