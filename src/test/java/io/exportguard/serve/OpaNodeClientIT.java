package io.exportguard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.opa.SavedFacts;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.Json;
import io.exportguard.sandbox.crosscheck.NodeRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPA TypeScript SDK ({@code @open-policy-agent/opa}, pinned in
 * {@code src/test/node/opa-client/package-lock.json}) against the served API with a bearer token:
 * decisions, the default decision, its batch call falling back to one decision per input (the
 * batch endpoint is not OPA's open-source API), and the error shapes it decodes.
 */
class OpaNodeClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY = """
      package nodeclient

      default allow := false

      allow if input.user == input.owner

      decision := {"allow": allow, "reason": reason}

      reason := "owner" if allow

      reason := "not the owner" if not allow

      conflict = 1 if input

      conflict = 2 if input
      """;
  private static final String MAIN = "package system\n\nmain := data.nodeclient.decision\n";

  @TempDir static Path tmp;
  static OpaApiServer server;
  static Path facts;
  static JsonNode results;

  @BeforeAll
  static void run() throws Exception {
    NodeRunner.prepare("opa-client", "opa-client.js");
    facts = SavedFacts.demoFail(tmp);
    LoadedPolicies pack = PolicyLoader.load(PolicyLoader.Sources.defaults());
    List<RegoModule> modules = new ArrayList<>(pack.modules());
    modules.add(new RegoModule("nodeclient.rego", POLICY));
    modules.add(new RegoModule("system.rego", MAIN));
    server = OpaApiServer.start(new LoadedPolicies(modules, pack.data()),
        ServeOptions.loopback().withTokens(List.of("node-token")), "test");
    NodeRunner.Result r = NodeRunner.node("opa-client.js", Map.of("OPA_URL", server.endpoint().toString(),
        "OPA_TOKEN", "node-token", "FACTS", facts.toAbsolutePath().toString()), 180);
    assertThat(r.exit()).as("node opa-client.js failed:%n%s", r.output()).isZero();
    results = JSON.readTree(r.stdout());
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  void aCheckPackageDecidesAsInProcess() throws Exception {
    JsonNode expected = JSON.readTree(Json.write(server.policies()
        .eval("data.exportguard.role.permissions", Json.parse(Files.readString(facts))).value()));
    assertThat(results.path("permissions").path("value")).isEqualTo(expected);
    assertThat(expected.path("deny")).as("demo-fail's role lacks OSS actions").isNotEmpty();
  }

  @Test
  void decisionsDefaultDecisionAndResultMapping() {
    assertThat(results.path("allowOwn").path("value").asBoolean()).isTrue();
    assertThat(results.path("allowOther").path("value").isBoolean()).isTrue();
    assertThat(results.path("allowOther").path("value").asBoolean()).isFalse();
    assertThat(results.path("reason").path("value").asText()).isEqualTo("not the owner");
    assertThat(results.path("defaultDecision").path("value")).isEqualTo(
        JSON.createObjectNode().put("allow", true).put("reason", "owner"));
    // An undefined document is {} on the wire, which the SDK gives back as undefined.
    assertThat(results.path("undefinedDoc").path("undefined").asBoolean()).isTrue();
  }

  @Test
  void batchFallsBackToOneDecisionPerInput() {
    JsonNode batch = results.path("batch").path("value");
    assertThat(batch.path("own").asBoolean()).as(results.path("batch").toString()).isTrue();
    assertThat(batch.path("other").isBoolean()).isTrue();
    assertThat(batch.path("other").asBoolean()).isFalse();
  }

  @Test
  void errorsReachTheClientInOpasShape() {
    JsonNode conflict = results.path("evalError");
    assertThat(conflict.path("error").asText()).as(conflict.toString()).isNotEmpty();
    assertThat(conflict.path("code").asText()).isEqualTo("internal_error");
    assertThat(conflict.path("message").asText()).contains("eval_conflict_error");
    JsonNode token = results.path("badToken");
    assertThat(token.path("error").asText()).as(token.toString()).isNotEmpty();
    assertThat(token.path("message").asText()).contains("401");
  }
}
