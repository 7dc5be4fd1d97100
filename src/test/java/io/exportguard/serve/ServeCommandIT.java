package io.exportguard.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import io.exportguard.opa.SavedFacts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exportguard serve} as a process: the banner, token auth, the preflight endpoint, and a clean stop on SIGTERM. */
class ServeCommandIT {
  @TempDir Path tmp;

  @Test
  void servesPreflightReportsBehindATokenAndStopsOnSigterm() throws Exception {
    Path facts = SavedFacts.demoPass(tmp);
    Path tokens = Files.writeString(tmp.resolve("tokens.txt"), "# one per line\nt0ken-for-ci\n");
    Process p = new ProcessBuilder("java", "-jar", "target/exportguard.jar", "serve", "--addr", "127.0.0.1:0",
        "--authentication", "token", "--token-file", tokens.toString(), "--shutdown-grace-period", "2s")
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String banner = out.readLine();
      assertThat(banner).startsWith("exportguard serve: OPA REST API on http://127.0.0.1:")
          .contains("bearer tokens required").doesNotContain("t0ken-for-ci");
      String url = banner.replaceAll(".* on (http://\\S+) .*", "$1");
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url + "/v1/exportguard/preflight"))
          .POST(HttpRequest.BodyPublishers.ofFile(facts));
      assertThat(http.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      HttpResponse<String> r = http.send(post.header("Authorization", "Bearer t0ken-for-ci").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode report = new ObjectMapper().readTree(r.body());
      assertThat(report.path("schema").asText()).isEqualTo("exportguard.report/v1");
      assertThat(report.path("summary").path("verdict").asText()).isEqualTo("pass");
      assertThat(report.path("checks").size()).isGreaterThan(20);
      HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/exportguard/preflight"))
          .header("Authorization", "Bearer t0ken-for-ci").POST(HttpRequest.BodyPublishers.ofString("{\"schema\": 1}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(new ObjectMapper().readTree(bad.body()).path("code").asText()).isEqualTo("invalid_parameter");
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void badFlagsExit2WithOneLine() throws Exception {
    Cli noFile = Cli.run("serve", "--authentication", "token");
    assertThat(noFile.code()).isEqualTo(2);
    assertThat(noFile.err()).contains("--authentication token needs --token-file FILE");
    Cli addr = Cli.run("serve", "--addr", "localhost");
    assertThat(addr.code()).isEqualTo(2);
    assertThat(addr.err()).contains("--addr localhost: expected HOST:PORT");
    Path broken = Files.writeString(Files.createDirectories(tmp.resolve("p")).resolve("x.rego"), "package x\np if {\n");
    Cli compile = Cli.run("serve", "--policies", broken.getParent().toString(), "--addr", "127.0.0.1:0");
    assertThat(compile.code()).isEqualTo(2);
    assertThat(compile.err()).contains("x.rego").contains("rego_parse_error");
  }
}
