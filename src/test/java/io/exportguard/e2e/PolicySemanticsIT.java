package io.exportguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.ecs.model.v20140526.ExportImageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.exportguard.cli.Cli;
import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.RetryPolicy;
import io.exportguard.cloud.SandboxClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RAM and OSS policy semantics end to end (src/test/resources/policy-semantics/cases.yaml): for each
 * case, preflight against the sandbox fails exactly the named checks (or passes), ExportImage called
 * through the ECS SDK on the same account answers as the case says, and a preflight pass always
 * means the emulated export was accepted.
 */
class PolicySemanticsIT {
  static final Path DIR = Path.of("src/test/resources/policy-semantics");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  record Case(String name, JsonNode trust, JsonNode policy, JsonNode bucketPolicy, List<String> failed, String export) {
    @Override
    public String toString() { return name; }
  }

  static List<Case> cases() throws IOException {
    JsonNode root = YAML.readTree(DIR.resolve("cases.yaml").toFile());
    JsonNode defaults = root.get("defaults");
    List<Case> out = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      List<String> failed = new ArrayList<>();
      if (c.get("preflight").isArray()) c.get("preflight").forEach(x -> failed.add(x.asText()));
      out.add(new Case(c.get("name").asText(), c.has("trust") ? c.get("trust") : defaults.get("trust"),
          c.has("policy") ? c.get("policy") : defaults.get("policy"),
          c.has("bucketPolicy") ? c.get("bucketPolicy") : defaults.get("bucketPolicy"), failed, c.get("export").asText()));
    }
    return out;
  }

  Path scenario(Case c) throws IOException {
    String yaml = Files.readString(DIR.resolve("base.yaml"))
        .replace("${trust}", JSON.writeValueAsString(c.trust()))
        .replace("${policy}", JSON.writeValueAsString(c.policy()))
        .replace("${bucketPolicy}", JSON.writeValueAsString(c.bucketPolicy()));
    return Files.writeString(dir.resolve("scenario.yaml"), yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void preflightAndTheEmulatedExportAgree(Case c) throws Exception {
    DefaultPack.mustCompile();
    Path scenario = scenario(c);
    Path out = dir.resolve("out");
    Cli run = Cli.run("preflight", "--sandbox", scenario.toString(), "--region", "cn-shanghai", "--image", "m-uf6team0042",
        "--bucket", "team-b-images", "--prefix", "nightly", "--report", "json", "--out", out.toString());
    Report report = Report.in(out);
    List<String> failed = report.checks("fail").stream().map(x -> x.path("id").asText()).toList();

    String export = exportImage(scenario);

    if (c.failed().isEmpty()) {
      assertThat(failed).as(run.out()).isEmpty();
      assertThat(report.verdict()).isEqualTo("pass");
      assertThat(run.code()).isZero();
    } else {
      assertThat(failed).as(run.out()).containsAll(c.failed());
      assertThat(run.code()).isEqualTo(1);
    }
    assertThat(export).as("ExportImage").isEqualTo(c.export());
    if (report.verdict().equals("pass")) assertThat(export).as("a preflight pass means the export is accepted").isEqualTo("ok");
    for (JsonNode check : report.checks("fail")) {
      for (JsonNode f : check.path("findings")) {
        String fix = f.path("remediation").asText("");
        assertThat(fix).as("remediation of %s", check.path("id")).isNotBlank()
            .doesNotContain("my-export-bucket", "m-xxxx", "m-bp1demo0001", "cn-hangzhou");
        if (check.path("id").asText().startsWith("EG-BUCKET-")) assertThat(fix).contains("oss://team-b-images");
      }
    }
  }

  /** "ok", or the error code the emulated ExportImage answered. */
  private static String exportImage(Path scenario) {
    try (SandboxClients s = new SandboxClients(scenario.toString(), RetryPolicy.NONE)) {
      ExportImageRequest req = new ExportImageRequest();
      req.setImageId("m-uf6team0042");
      req.setOSSBucket("team-b-images");
      req.setOSSPrefix("nightly");
      s.clients.ecs("ExportImage", "cn-shanghai", req);
      return "ok";
    } catch (ApiException e) {
      return e.code();
    }
  }
}
