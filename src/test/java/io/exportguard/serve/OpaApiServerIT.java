package io.exportguard.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bisnode.opa.client.OpaClient;
import com.bisnode.opa.client.OpaClientException;
import com.bisnode.opa.client.data.OpaDocument;
import com.bisnode.opa.client.policy.OpaPolicy;
import com.bisnode.opa.client.query.QueryForDocumentRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.rego.value.ObjectValue;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served OPA REST API, driven by clients nobody here wrote: the OPA Java client, and curl with
 * the requests of OPA's REST API reference (its examples, with the modules in Rego v1 syntax).
 */
class OpaApiServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OpaApiServer server;
  private String url;
  @TempDir Path tmp;

  @BeforeEach
  void start() throws Exception {
    server = OpaApiServer.start(new LoadedPolicies(List.of(), ObjectValue.EMPTY), ServeOptions.loopback(), "test");
    url = server.endpoint().toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String EXAMPLE_POLICY = """
      package opa.examples

      import data.networks
      import data.ports
      import data.servers

      public_servers contains server if {
        some k, m
        server := servers[_]
        server.ports[_] == ports[k].id
        ports[k].networks[_] == networks[m].id
        networks[m].public == true
      }
      """;

  private static final String EXAMPLE_DATA = """
      {"servers": [
         {"id": "s1", "name": "app", "protocols": ["https", "ssh"], "ports": ["p1", "p2", "p3"]},
         {"id": "s2", "name": "db", "protocols": ["mysql"], "ports": ["p3"]},
         {"id": "s3", "name": "cache", "protocols": ["memcache", "http"], "ports": ["p3"]},
         {"id": "s4", "name": "dev", "protocols": ["http"], "ports": ["p1", "p2"]}],
       "networks": [{"id": "n1", "public": false}, {"id": "n2", "public": false}, {"id": "n3", "public": true}],
       "ports": [{"id": "p1", "networks": ["n1"]}, {"id": "p2", "networks": ["n3"]}, {"id": "p3", "networks": ["n2"]}]}
      """;

  @Test
  void curlRequestsFromOpasReferenceGetOpasAnswers() throws Exception {
    Path policy = Files.writeString(tmp.resolve("example.rego"), EXAMPLE_POLICY);
    Path data = Files.writeString(tmp.resolve("data.json"), EXAMPLE_DATA);
    // Create or Update a Policy: PUT /v1/policies/<id>, text/plain, --data-binary as the reference advises.
    Curl put = Curl.run("-X", "PUT", "-H", "Content-Type: text/plain", "--data-binary", "@" + policy,
        url + "/v1/policies/example1");
    assertThat(put.status()).isEqualTo(200);
    assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("{}"));
    // Create or Overwrite a Document: PUT /v1/data/{path} -> 204.
    assertThat(Curl.run("-X", "PUT", "-H", "Content-Type: application/json", "--data-binary", "@" + data,
        url + "/v1/data").status()).isEqualTo(204);
    // Get a Document: the reference's answer, s1 and s4.
    Curl get = Curl.run(url + "/v1/data/opa/examples/public_servers");
    assertThat(get.status()).isEqualTo(200);
    JsonNode servers = JSON.readTree(get.body()).get("result");
    assertThat(servers.findValuesAsText("id")).containsExactlyInAnyOrder("s1", "s4");
    // List Policies and Get a Policy.
    JsonNode list = JSON.readTree(Curl.run(url + "/v1/policies").body());
    assertThat(list.path("result").get(0).path("id").asText()).isEqualTo("example1");
    assertThat(list.path("result").get(0).path("raw").asText()).isEqualTo(EXAMPLE_POLICY);
    JsonNode one = JSON.readTree(Curl.run(url + "/v1/policies/example1").body()).path("result");
    assertThat(one.path("id").asText()).isEqualTo("example1");
    // Its AST in OPA's JSON: package path terms, one rule named public_servers.
    assertThat(one.path("ast").path("package").path("path").findValuesAsText("value"))
        .containsExactly("data", "opa", "examples");
    assertThat(one.path("ast").path("rules")).hasSize(1);
    assertThat(one.path("ast").path("rules").get(0).path("head").path("name").asText()).isEqualTo("public_servers");
    // Patch a Document (JSON Patch, "-" appends), then the watch example's remove.
    assertThat(Curl.run("-X", "PATCH", "-H", "Content-Type: application/json-patch+json", "-d",
        "[{\"op\": \"add\", \"path\": \"-\", \"value\": {\"id\": \"s5\", \"name\": \"job\", \"protocols\": [\"amqp\"],"
            + " \"ports\": [\"p3\"]}}]", url + "/v1/data/servers").status()).isEqualTo(204);
    assertThat(Curl.run(url + "/v1/data/servers/4/name").body()).isEqualTo("{\"result\":\"job\"}");
    assertThat(Curl.run("-X", "PATCH", "-H", "Content-Type: application/json-patch+json", "-d",
        "[{\"op\": \"remove\", \"path\": \"1\"}]", url + "/v1/data/servers").status()).isEqualTo(204);
    assertThat(JSON.readTree(Curl.run(url + "/v1/data/servers").body()).get("result").findValuesAsText("id"))
        .containsExactly("s1", "s3", "s4", "s5");
    // Delete a Document, then a missing one: 404 with OPA's error shape.
    assertThat(Curl.run("-X", "DELETE", url + "/v1/data/servers").status()).isEqualTo(204);
    Curl gone = Curl.run("-X", "DELETE", url + "/v1/data/servers");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(JSON.readTree(gone.body()).path("code").asText()).isEqualTo("resource_not_found");
    // Delete a Policy, then Get it: 404.
    assertThat(Curl.run("-X", "DELETE", url + "/v1/policies/example1").status()).isEqualTo(200);
    assertThat(Curl.run(url + "/v1/policies/example1").status()).isEqualTo(404);
  }

  @Test
  void curlAdHocQueriesOfOpasQueryApi() throws Exception {
    Path data = Files.writeString(tmp.resolve("data.json"), EXAMPLE_DATA);
    assertThat(Curl.run("-X", "PUT", "--data-binary", "@" + data, url + "/v1/data").status()).isEqualTo(204);
    // Execute an Ad-hoc Query: GET with q, one object of named variables per solution (no wildcards).
    Curl get = Curl.run("-G", "--data-urlencode", "q=data.servers[i].ports[_] = \"p2\"; data.servers[i].name = name",
        url + "/v1/query");
    assertThat(get.status()).isEqualTo(200);
    assertThat(JSON.readTree(get.body())).isEqualTo(JSON.readTree(
        "{\"result\": [{\"i\": 0, \"name\": \"app\"}, {\"i\": 3, \"name\": \"dev\"}]}"));
    // POST with an input; a query without variables gives one empty object per solution.
    Curl post = Curl.run("-X", "POST", "-d", "{\"query\": \"input.x > 1\", \"input\": {\"x\": 2}}", url + "/v1/query");
    assertThat(JSON.readTree(post.body())).isEqualTo(JSON.readTree("{\"result\": [{}]}"));
    // Undefined: {} and 200.
    Curl none = Curl.run("-G", "--data-urlencode", "q=data.servers[_].name == \"nope\"", url + "/v1/query");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).isEqualTo("{}");
    // A query that does not parse is the client's fault: 400 with the parser's error and its location.
    Curl bad = Curl.run("-G", "--data-urlencode", "q=data.servers[", url + "/v1/query");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("code").asText()).isEqualTo("invalid_parameter");
    assertThat(JSON.readTree(bad.body()).path("errors").get(0).path("code").asText()).isEqualTo("rego_parse_error");
    assertThat(Curl.run(url + "/v1/query").status()).isEqualTo(400);
    assertThat(Curl.run("-X", "DELETE", url + "/v1/query").status()).isEqualTo(405);
  }

  @Test
  void curlInputQueriesDefaultDecisionHealthAndIfNoneMatch() throws Exception {
    assertThat(Curl.run("-X", "PUT", "--data-binary", "package opa.examples\n\nimport input.example.flag\n\n"
        + "allow_request if flag == true\n", url + "/v1/policies/input_example").status()).isEqualTo(200);
    // Get a Document (with Input): true, then undefined ({}).
    assertThat(JSON.readTree(Curl.run("-X", "POST", "-H", "Content-Type: application/json", "-d",
        "{\"input\": {\"example\": {\"flag\": true}}}", url + "/v1/data/opa/examples/allow_request").body()))
        .isEqualTo(JSON.readTree("{\"result\": true}"));
    assertThat(Curl.run("-X", "POST", "-d", "{\"input\": {\"example\": {\"flag\": false}}}",
        url + "/v1/data/opa/examples/allow_request").body()).isEqualTo("{}");
    // Execute a Simple Query: POST / answers data.system.main itself.
    assertThat(Curl.run("-X", "PUT", "--data-binary",
        "package system\n\nmain := msg if {\n  msg := sprintf(\"hello, %v\", input.user)\n}\n",
        url + "/v1/policies/example1").status()).isEqualTo(200);
    Curl main = Curl.run("-X", "POST", "-H", "Content-Type: application/json", "-d", "{\"user\": [\"alice\"]}", url + "/");
    assertThat(main.status()).isEqualTo(200);
    assertThat(main.body()).isEqualTo("\"hello, alice\"");
    // Health API.
    assertThat(Curl.run(url + "/health")).isEqualTo(new Curl(200, "{}"));
    // If-None-Match: * leaves an existing document alone (304), creates a missing one (204).
    assertThat(Curl.run("-X", "PUT", "-H", "If-None-Match: *", "-d", "{}", url + "/v1/data/us-west/servers").status())
        .isEqualTo(204);
    assertThat(Curl.run("-X", "PUT", "-H", "If-None-Match: *", "-d", "{\"a\":1}", url + "/v1/data/us-west/servers")
        .status()).isEqualTo(304);
    assertThat(Curl.run(url + "/v1/data/us-west/servers").body()).isEqualTo("{\"result\":{}}");
  }

  @Test
  void compileErrorsComeBackInOpasErrorShape() throws Exception {
    Curl bad = Curl.run("-X", "PUT", "--data-binary", "package x\n\np if { y }\n", url + "/v1/policies/bad");
    assertThat(bad.status()).isEqualTo(400);
    JsonNode body = JSON.readTree(bad.body());
    assertThat(body.path("code").asText()).isEqualTo("invalid_parameter");
    assertThat(body.path("message").asText()).isEqualTo("error(s) occurred while compiling module(s)");
    JsonNode first = body.path("errors").get(0);
    assertThat(first.path("code").asText()).startsWith("rego_");
    assertThat(first.path("location").path("file").asText()).isEqualTo("bad");
    assertThat(first.path("location").path("row").asInt()).isEqualTo(3);
    // Nothing was installed.
    assertThat(Curl.run(url + "/v1/policies/bad").status()).isEqualTo(404);
    // A conflict at evaluation is a 500 with the engine's message.
    Curl.run("-X", "PUT", "--data-binary", "package c\n\np := input.a\np := input.b\n", url + "/v1/policies/c");
    Curl conflict = Curl.run("-X", "POST", "-d", "{\"input\": {\"a\": 1, \"b\": 2}}", url + "/v1/data/c/p");
    assertThat(conflict.status()).isEqualTo(500);
    assertThat(JSON.readTree(conflict.body()).path("message").asText()).contains("eval_conflict_error");
    // Malformed input is a 400.
    Curl malformed = Curl.run("-X", "POST", "-d", "{\"input\": ", url + "/v1/data/c/p");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).path("message").asText()).contains("malformed input");
    // A malformed escape in the path or the query is the client's error, not the server's: the HTTP
    // server refuses the request line before any handler runs, as Go's net/http does for OPA.
    for (String target : new String[] {"/v1/data/c/p%zz", "/v1/data/c/p%4", "/v1/data/c/p?pretty=%e", "/v1/policies/x%g1"}) {
      Curl answer = Curl.run(url + target);
      assertThat(answer.status()).as(target).isEqualTo(400);
    }
  }

  @Test
  void theOpaJavaClientQueriesWritesAndSeesErrors() {
    OpaClient client = OpaClient.builder().opaConfiguration(url).build();
    client.createOrUpdatePolicy(new OpaPolicy("authz", """
        package authz

        default allow := false

        allow if input.user == data.admins[_]
        """));
    client.createOrOverwriteDocument(new OpaDocument("admins", "[\"alice\"]"));
    assertThat(client.<Boolean>queryForDocument(new QueryForDocumentRequest(Map.of("user", "alice"), "authz/allow"),
        Boolean.class)).isTrue();
    assertThat(client.<Boolean>queryForDocument(new QueryForDocumentRequest(Map.of("user", "bob"), "authz/allow"),
        Boolean.class)).isFalse();
    // Undefined document: the client's own "Result is empty" error.
    assertThatThrownBy(() -> client.queryForDocument(new QueryForDocumentRequest(Map.of(), "authz/nothing"),
        Boolean.class)).isInstanceOf(OpaClientException.class).hasMessageContaining("Result is empty");
    // A module that does not compile: the client sees the 400.
    assertThatThrownBy(() -> client.createOrUpdatePolicy(new OpaPolicy("bad", "package bad\np if {")))
        .isInstanceOf(OpaClientException.class).hasMessageContaining("400");
  }

  @Test
  void bearerTokensAreRequiredWhenConfigured() throws Exception {
    server.close();
    server = OpaApiServer.start(new LoadedPolicies(List.of(), ObjectValue.EMPTY),
        ServeOptions.loopback().withTokens(List.of("s3cret-token")), "test");
    url = server.endpoint().toString();
    Curl none = Curl.run(url + "/v1/data");
    assertThat(none.status()).isEqualTo(401);
    assertThat(JSON.readTree(none.body()).path("code").asText()).isEqualTo("unauthorized");
    assertThat(Curl.run("-H", "Authorization: Bearer wrong", url + "/v1/data").status()).isEqualTo(401);
    assertThat(Curl.run("-H", "Authorization: Bearer s3cret-token", url + "/v1/data").status()).isEqualTo(200);
    assertThat(Curl.run(url + "/health").status()).isEqualTo(200);
  }

  @Test
  void bodiesAndEvaluationsAreBounded() throws Exception {
    server.close();
    server = OpaApiServer.start(new LoadedPolicies(List.of(), ObjectValue.EMPTY),
        ServeOptions.loopback().withLimits(1024, Duration.ofMillis(200)), "test");
    url = server.endpoint().toString();
    Curl big = Curl.run("-X", "POST", "-d", "{\"input\": \"" + "x".repeat(2000) + "\"}", url + "/v1/data");
    assertThat(big.status()).isEqualTo(413);
    // 75 million steps: far past the 200ms bound on any machine; the bound stops it.
    Curl.run("-X", "PUT", "--data-binary", SLOW_POLICY.replace("700", "5000"), url + "/v1/policies/slow");
    Curl slow = Curl.run(url + "/v1/data/slow/n");
    assertThat(slow.status()).isEqualTo(500);
    assertThat(JSON.readTree(slow.body()).path("message").asText()).contains("eval_cancel_error");
  }

  /** Long loops over a small array: slow without building large collections (which the evaluation budget stops). */
  private static final String SLOW_POLICY = """
      package slow

      xs := numbers.range(1, 700)

      default n := "done"

      n := "never" if {
        some i in xs
        some j in xs
        some k in numbers.range(1, 3)
        i * j * k < 0
      }
      """;

  @Test
  void stoppingLetsARequestInFlightFinish() throws Exception {
    server.close();
    server = OpaApiServer.start(new LoadedPolicies(List.of(), ObjectValue.EMPTY),
        ServeOptions.loopback().withShutdownGrace(Duration.ofSeconds(60)), "test");
    url = server.endpoint().toString();
    Curl.run("-X", "PUT", "--data-binary", SLOW_POLICY, url + "/v1/policies/slow");
    URI u = server.endpoint();
    // curl has its answer before the server's thread counts the PUT as finished: wait for that first,
    // so the in-flight request seen below is the GET.
    long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (server.inFlight() != 0 && System.nanoTime() < settle) Thread.sleep(5);
    assertThat(server.inFlight()).isZero();
    try (Socket socket = new Socket(u.getHost(), u.getPort())) {
      socket.getOutputStream().write(("GET /v1/data/slow/n HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      long wait = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (server.inFlight() == 0 && System.nanoTime() < wait) Thread.sleep(5); // being evaluated now
      assertThat(server.inFlight()).isEqualTo(1);
      long t0 = System.nanoTime();
      server.close();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200").endsWith("{\"result\":\"done\"}");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    }
    assertThatThrownBy(() -> new Socket(u.getHost(), u.getPort()).close()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void v0CompatibleTakesOpa0xModulesThroughThePolicyApi() throws Exception {
    String v0 = "package v0\n\nallow { input.user == \"alice\" }\n";
    assertThat(Curl.run("-X", "PUT", "--data-binary", v0, url + "/v1/policies/v0").status()).isEqualTo(400);
    server.close();
    ServeOptions o = ServeOptions.loopback();
    server = OpaApiServer.start(new LoadedPolicies(List.of(), ObjectValue.EMPTY), new ServeOptions(o.host(), 0,
        List.of(), o.maxBodyBytes(), o.evalTimeout(), o.shutdownGrace(), o.defaultDecision(), o.threads(), true), "test");
    url = server.endpoint().toString();
    assertThat(Curl.run("-X", "PUT", "--data-binary", v0, url + "/v1/policies/v0").status()).isEqualTo(200);
    assertThat(Curl.run("-X", "POST", "-d", "{\"input\": {\"user\": \"alice\"}}", url + "/v1/data/v0/allow").body())
        .isEqualTo("{\"result\":true}");
  }

  @Test
  void servesTheBuiltInPack() throws Exception {
    server.close();
    server = OpaApiServer.start(PolicyLoader.load(PolicyLoader.Sources.defaults()), ServeOptions.loopback(), "test");
    url = server.endpoint().toString();
    Curl deny = Curl.run("-X", "POST", "-d", "{\"input\": {\"schema\": \"exportguard.facts/v1\", \"request\": {}}}",
        url + "/v1/data/exportguard/req/required/deny");
    assertThat(deny.status()).isEqualTo(200);
    assertThat(JSON.readTree(deny.body()).path("result").findValuesAsText("resource"))
        .contains("ImageId", "OSSBucket", "RegionId");
  }
}
