package io.exportguard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.exportguard.cli.Cli;
import io.exportguard.report.internal.DocsLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schemas hold for real outputs (and reject a broken one), every built-in check
 * has the docs section its SARIF helpUri points at, and every link between docs pages resolves.
 */
class DocsContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;

  static JsonSchema schema(String name) throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("docs", "schemas", name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-pass", "demo-fail", "InvalidRegionId.NotFound", "NoSetRoletoECSServiceAcount"})
  void realReportsAndFactsValidateAgainstThePublishedSchemas(String scenario) throws Exception {
    String request = Files.readString(Path.of("src/main/resources/scenarios", scenario + ".yaml")).lines()
        .filter(l -> l.startsWith("# request:")).findFirst().orElseThrow();
    String region = value(request, "regionId");
    Path out = dir.resolve(scenario);
    Cli r = Cli.run("preflight", "--sandbox", scenario, "--region", region, "--image", value(request, "imageId"),
        "--bucket", value(request, "ossBucket"), "--report", "json", "--out", out.toString(),
        "--save-facts", out.resolve("facts.json").toString());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    JsonNode facts = JSON.readTree(out.resolve("facts.json").toFile());
    assertThat(schema("facts-v1.schema.json").validate(facts)).as("facts of %s", scenario).isEmpty();
    try (var files = Files.list(out)) {
      Path report = files.filter(f -> f.getFileName().toString().startsWith("exportguard-")).findFirst().orElseThrow();
      assertThat(schema("report-v1.schema.json").validate(JSON.readTree(report.toFile()))).as("report of %s", scenario)
          .isEmpty();
    }
  }

  @Test
  void theSchemasRejectWhatTheContractForbids() throws Exception {
    JsonNode report = JSON.readTree("""
        {"schema":"exportguard.report/v1","tool":{"name":"exportguard","version":"1"},"startedAt":null,
         "durationMs":0,"target":{"regionId":"r","imageId":"i","ossBucket":"b","ossPrefix":null,"imageFormat":"raw",
         "roleName":"x"},"summary":{"verdict":"maybe","passed":0,"warned":0,"failed":0,"errors":0,"skipped":0,
         "waived":0},"checks":[],"errors":[]}""");
    assertThat(schema("report-v1.schema.json").validate(report)).isNotEmpty();
    JsonNode facts = JSON.readTree("{\"schema\":\"exportguard.facts/v2\",\"request\":{},\"errors\":[],\"skipped\":[]}");
    assertThat(schema("facts-v1.schema.json").validate(facts)).isNotEmpty();
  }

  @Test
  void everyBuiltInCheckHasTheSectionItsHelpUriNames() throws Exception {
    String checks = Files.readString(Path.of("docs", "checks.md"));
    List<Path> files;
    try (var walk = Files.walk(Path.of("policies", "exportguard"))) {
      files = walk.filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego")).toList();
    }
    Pattern id = Pattern.compile("(?m)^#\\s+id:\\s*(\\S+)");
    int found = 0;
    for (Path f : files) {
      Matcher m = id.matcher(Files.readString(f));
      while (m.find()) {
        found++;
        String anchor = DocsLinks.check(m.group(1)).replaceAll(".*#", "");
        assertThat(checks).as("docs/checks.md section for %s (%s)", m.group(1), f).contains("\n## " + m.group(1) + "\n");
        assertThat(anchor).isEqualTo(m.group(1).toLowerCase());
      }
    }
    assertThat(found).isGreaterThanOrEqualTo(30);
  }

  @Test
  void linksBetweenDocsPagesResolve() throws Exception {
    Pattern link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
    try (var pages = Files.list(Path.of("docs"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = link.matcher(Files.readString(page));
        while (m.find()) {
          assertThat(page.resolveSibling(m.group(1))).as("link %s in %s", m.group(1), page).exists();
        }
      }
    }
    Matcher readme = link.matcher(Files.readString(Path.of("README.md")));
    boolean linksDocs = false;
    while (readme.find()) {
      assertThat(Path.of(readme.group(1))).as("README link %s", readme.group(1)).exists();
      linksDocs |= readme.group(1).startsWith("docs/");
    }
    assertThat(linksDocs).as("the README links into docs/").isTrue();
    assertThat(Files.readString(Path.of("README.md"))).doesNotContain("DESIGN.md");
  }

  private static String value(String request, String key) {
    Matcher m = Pattern.compile(key + "=(\\S+)").matcher(request);
    return m.find() ? m.group(1) : "";
  }
}
