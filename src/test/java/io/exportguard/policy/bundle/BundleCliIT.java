package io.exportguard.policy.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import io.exportguard.facts.FactsJson;
import io.exportguard.opa.SavedFacts;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.serve.OpaApiServer;
import io.exportguard.serve.ServeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy build} writes the pack as a signed bundle; eval, preflight and serve load it, or refuse it with exit 2. */
class BundleCliIT {
  @TempDir static Path tmp;
  static Path facts;
  static TestBundles.Keys keys;
  static Path pack;
  static String revision;

  @BeforeAll
  static void build() throws Exception {
    facts = SavedFacts.demoPass(tmp);
    keys = TestBundles.keys(tmp, "signer", "RS256");
    pack = tmp.resolve("pack.tar.gz");
    Cli built = Cli.run("policy", "build", "-o", pack.toString(), "--signing-key", keys.privateKey().toString());
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out()).contains("wrote " + pack).contains("roots [exportguard]").contains("signed RS256");
    revision = built.out().replaceAll("(?s).*revision (\\S+),.*", "$1");
  }

  private static JsonNode report(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return FactsJson.mapper().readTree(s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow()
          .toFile());
    }
  }

  @Test
  void evalDecidesWithTheSignedBundleAsWithTheBuiltInPack() throws Exception {
    Path viaBundle = tmp.resolve("bundle-out");
    Cli run = Cli.run("eval", "--facts", facts.toString(), "--no-default-policies", "--bundle", pack.toString(),
        "--verification-key", keys.publicKey().toString(), "--report", "json", "--out", viaBundle.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Path viaPack = tmp.resolve("pack-out");
    assertThat(Cli.run("eval", "--facts", facts.toString(), "--report", "json", "--out", viaPack.toString()).code())
        .isZero();
    JsonNode a = report(viaBundle);
    JsonNode b = report(viaPack);
    assertThat(a.path("checks").size()).isEqualTo(b.path("checks").size()).isPositive();
    for (int i = 0; i < a.path("checks").size(); i++) {
      JsonNode x = a.path("checks").get(i);
      JsonNode y = b.path("checks").get(i);
      assertThat(List.of(x.path("id"), x.path("status"), x.path("findings")))
          .isEqualTo(List.of(y.path("id"), y.path("status"), y.path("findings")));
    }
    JsonNode bundle = a.path("policy").path("bundles").get(0);
    assertThat(bundle.path("name").asText()).isEqualTo(pack.toString());
    assertThat(bundle.path("revision").asText()).isEqualTo(revision).isNotBlank();
    assertThat(bundle.path("signature").asText()).isEqualTo("verified");
    assertThat(a.path("policy").path("sha256").asText()).hasSize(64);
    assertThat(b.has("policy")).isFalse();
  }

  @Test
  void aWrongSignatureAMalformedBundleAndAnOverlapExit2WithoutAReport() throws Exception {
    TestBundles.Keys other = TestBundles.keys(tmp, "other", "RS256");
    Path out = tmp.resolve("refused");
    Cli wrong = Cli.run("eval", "--facts", facts.toString(), "--no-default-policies", "--bundle", pack.toString(),
        "--verification-key", other.publicKey().toString(), "--out", out.toString());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains(pack.toString()).contains("bundle signature verification failed");
    Cli unsignedKey = Cli.run("eval", "--facts", facts.toString(), "--no-default-policies", "--bundle", pack.toString(),
        "--out", out.toString());
    assertThat(unsignedKey.code()).isEqualTo(2);
    assertThat(unsignedKey.err()).contains("bundle is signed");
    Path junk = Files.writeString(tmp.resolve("junk.tar.gz"), "not a bundle");
    Cli malformed = Cli.run("eval", "--facts", facts.toString(), "--bundle", junk.toString(), "--out", out.toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains("junk.tar.gz").contains("not a readable gzip-compressed tar bundle");
    Cli overlap = Cli.run("eval", "--facts", facts.toString(), "--bundle", pack.toString(), "--verification-key",
        keys.publicKey().toString(), "--out", out.toString());
    assertThat(overlap.code()).isEqualTo(2);
    assertThat(overlap.err()).contains("overlap the built-in policy pack").contains("--no-default-policies");
    assertThat(out).doesNotExist();
    assertThat(wrong.err() + malformed.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void policyBuildRefusesPoliciesThatDoNotCompile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(dir.resolve("p.rego"), "package broken\n\np if {\n");
    Cli run = Cli.run("policy", "build", dir.toString(), "-o", tmp.resolve("broken.tar.gz").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("p.rego:").contains("rego_parse_error");
    assertThat(tmp.resolve("broken.tar.gz")).doesNotExist();
  }

  @Test
  void serveLoadsTheBundleAndKeepsItsRootsFromTheApis() throws Exception {
    try (OpaApiServer server = OpaApiServer.start(PolicyLoader.load(new PolicyLoader.Sources(List.of(), false,
        List.of(), false, List.of(pack), BundleKey.load(keys.publicKey().toString(), "RS256", false))),
        ServeOptions.loopback(), "test")) {
      HttpClient http = HttpClient.newHttpClient();
      String url = server.endpoint().toString();
      HttpResponse<String> prov = http.send(HttpRequest.newBuilder(URI.create(url
          + "/v1/data/exportguard/config/expectedRoleName?provenance=true")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = new ObjectMapper().readTree(prov.body());
      assertThat(body.path("result").asText()).isEqualTo("AliyunECSImageExportDefaultRole");
      assertThat(body.path("provenance").path("bundles").path(pack.toString()).path("revision").asText())
          .isEqualTo(revision);
      HttpResponse<String> putPolicy = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/policies/mine"))
          .PUT(HttpRequest.BodyPublishers.ofString("package exportguard.mine\n\np := 1\n")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(putPolicy.statusCode()).isEqualTo(400);
      assertThat(putPolicy.body()).contains("is owned by bundle");
      HttpResponse<String> putData = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/data/exportguard/config"))
          .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(putData.statusCode()).isEqualTo(400);
      HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/data/mine"))
          .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(elsewhere.statusCode()).isEqualTo(204);
    }
  }
}
