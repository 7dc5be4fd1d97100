package io.exportguard.opa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.cli.Cli;
import io.exportguard.facts.FactsJson;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.serve.OpaApiServer;
import io.exportguard.serve.ServeOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --engine opa} against an OPA API on loopback: decisions, push and verification, and
 * every fault failing closed (all checks error, exit 2, the server's own message in the report).
 */
class OpaEngineIT {
  @TempDir static Path tmp;
  static Path facts;

  @BeforeAll
  static void gather() {
    facts = SavedFacts.demoPass(tmp);
  }

  private record Run(Cli cli, JsonNode report) {
    List<String> findings() {
      List<String> out = new ArrayList<>();
      report.path("checks").forEach(c -> c.path("findings").forEach(f -> out.add(f.path("msg").asText())));
      return out;
    }

    List<String> statuses() {
      List<String> out = new ArrayList<>();
      report.path("checks").forEach(c -> out.add(c.path("status").asText()));
      return out;
    }
  }

  private static Run eval(String name, String... extra) throws IOException {
    Path out = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of("eval", "--facts", facts.toString(), "--report", "json", "--out",
        out.toString()));
    args.addAll(List.of(extra));
    Cli cli = Cli.run(args.toArray(String[]::new));
    JsonNode report = null;
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        Path json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
        if (json != null) report = FactsJson.mapper().readTree(json.toFile());
      }
    }
    return new Run(cli, report);
  }

  private static OpaApiServer serve(LoadedPolicies policies, List<String> tokens) throws Exception {
    return OpaApiServer.start(policies, ServeOptions.loopback().withTokens(tokens), "test");
  }

  private static void assertAllErrorWith(Run r, String message) {
    assertThat(r.cli().code()).as(r.cli().err()).isEqualTo(2);
    assertThat(r.report().path("summary").path("verdict").asText()).isEqualTo("error");
    assertThat(r.statuses()).isNotEmpty().allMatch("error"::equals);
    assertThat(r.findings()).allMatch(f -> f.contains(message), "contains '" + message + "'");
  }

  @Test
  void decidesOnAServerThatHoldsThePackLikeTheEmbeddedEngine() throws Exception {
    try (OpaApiServer opa = serve(PolicyLoader.load(PolicyLoader.Sources.defaults()), List.of())) {
      Run embedded = eval("embedded");
      Run remote = eval("remote", "--engine", "opa", "--opa-url", opa.endpoint().toString());
      assertThat(remote.cli().code()).as(remote.cli().err() + remote.findings() + remote.statuses()).isZero().isEqualTo(embedded.cli().code());
      assertThat(remote.report().path("checks")).isEqualTo(embedded.report().path("checks"));
    }
  }

  @Test
  void pushesThePackAndItsDataWithOpaPush() throws Exception {
    try (OpaApiServer opa = serve(new LoadedPolicies(List.of(), ObjectValue.EMPTY), List.of())) {
      Run before = eval("unpushed", "--engine", "opa", "--opa-url", opa.endpoint().toString());
      assertAllErrorWith(before, "does not hold");
      assertThat(before.findings().get(0)).contains("--opa-push");
      Run pushed = eval("pushed", "--engine", "opa", "--opa-url", opa.endpoint().toString(), "--opa-push");
      assertThat(pushed.cli().code()).as(pushed.cli().err()).isZero();
      assertThat(pushed.statuses()).allMatch("pass"::equals);
      // Now the server holds it: no push needed.
      Run verified = eval("verified", "--engine", "opa", "--opa-url", opa.endpoint().toString());
      assertThat(verified.cli().code()).as(verified.cli().err() + verified.findings()).isZero();
    }
  }

  @Test
  void theConfigFileChoosesTheEngineTheServerAndThePush() throws Exception {
    try (OpaApiServer opa = serve(new LoadedPolicies(List.of(), ObjectValue.EMPTY), List.of())) {
      Path config = tmp.resolve("opa-config.yaml");
      Files.writeString(config, "defaults:\n  engine: opa\n  opa-url: " + opa.endpoint() + "\n  opa-push: true\n");
      Run pushed = eval("config-pushed", "--config", config.toString());
      assertThat(pushed.cli().code()).as(pushed.cli().err()).isZero();
      assertThat(pushed.statuses()).isNotEmpty().allMatch("pass"::equals);
      // The push went to the server the file names: now it decides without one.
      Run verified = eval("config-verified", "--engine", "opa", "--opa-url", opa.endpoint().toString());
      assertThat(verified.cli().code()).as(verified.cli().err()).isZero();
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path down = tmp.resolve("opa-down.yaml");
    Files.writeString(down, "defaults:\n  engine: opa\n  opa-url: http://127.0.0.1:" + port + "\n");
    assertAllErrorWith(eval("config-down", "--config", down.toString()), "unreachable (connection refused)");
    // A flag on the command line wins over the file: the embedded engine decides.
    Run flagWins = eval("config-flag-wins", "--config", down.toString(), "--engine", "embedded");
    assertThat(flagWins.cli().code()).as(flagWins.cli().err()).isZero();
  }

  @Test
  void serverDownFailsClosed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r = eval("down", "--engine", "opa", "--opa-url", "http://127.0.0.1:" + port, "--opa-push");
    assertAllErrorWith(r, "unreachable (connection refused)");
  }

  @Test
  void serverErrorsFailClosedWithTheServersMessage() throws Exception {
    try (StubOpa opa = StubOpa.failing(500, "{\"code\": \"internal_error\", \"message\": \"storage is on fire\"}")) {
      Run r = eval("500", "--engine", "opa", "--opa-url", opa.url(), "--opa-push");
      assertAllErrorWith(r, "OPA server answered HTTP 500: internal_error: storage is on fire");
    }
  }

  @Test
  void aSlowServerFailsClosedWithinTheTimeout() throws Exception {
    // The server would answer after two minutes; the run ends on its 500ms bound long before (the
    // generous bound on the whole run holds on a loaded machine, where compiling the pack is slow).
    try (StubOpa opa = StubOpa.slow(Duration.ofMinutes(2))) {
      long t0 = System.nanoTime();
      Run r = eval("slow", "--engine", "opa", "--opa-url", opa.url(), "--opa-push", "--opa-timeout", "500ms");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
      assertAllErrorWith(r, "did not answer within 500ms");
    }
  }

  @Test
  void aBadTokenFailsClosedAndTheRightOneDecides() throws Exception {
    try (OpaApiServer opa = serve(PolicyLoader.load(PolicyLoader.Sources.defaults()), List.of("right-token"))) {
      Path wrong = Files.writeString(tmp.resolve("wrong.token"), "wrong-token\n");
      Run r = eval("badtoken", "--engine", "opa", "--opa-url", opa.endpoint().toString(), "--opa-token-file",
          wrong.toString());
      assertAllErrorWith(r, "HTTP 401: unauthorized: request rejected by administrative policy");
      assertThat(r.cli().out() + r.cli().err()).doesNotContain("wrong-token");
      Path right = Files.writeString(tmp.resolve("right.token"), "right-token\n");
      assertThat(eval("goodtoken", "--engine", "opa", "--opa-url", opa.endpoint().toString(), "--opa-token-file",
          right.toString()).cli().code()).isZero();
    }
  }

  @Test
  void engineFlagsAreCheckedAsUsage() {
    Cli noUrl = Cli.run("eval", "--facts", facts.toString(), "--engine", "opa");
    assertThat(noUrl.code()).isEqualTo(2);
    assertThat(noUrl.err()).contains("--engine opa needs --opa-url URL");
    Cli stray = Cli.run("eval", "--facts", facts.toString(), "--opa-url", "http://127.0.0.1:1");
    assertThat(stray.code()).isEqualTo(2);
    assertThat(stray.err()).contains("need --engine opa");
    Cli scheme = Cli.run("eval", "--facts", facts.toString(), "--engine", "opa", "--opa-url", "ftp://x");
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).contains("--opa-url ftp://x");
  }
}
