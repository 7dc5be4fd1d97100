package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules under --policies that would never run are reported, not ignored; conftest's package main
 * runs as a check with --conftest-main. Evaluated with eval over demo-pass facts.
 */
class CustomPolicyProblemsTest {
  @TempDir static Path dir;
  static Path facts;

  @BeforeAll
  static void gatherFacts() {
    facts = dir.resolve("facts.json");
    Cli r = Cli.run("preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--report", "json", "--out", dir.resolve("pre").toString(),
        "--save-facts", facts.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  static Path module(String folder, String name, String text) throws Exception {
    Path d = Files.createDirectories(dir.resolve(folder));
    Files.writeString(d.resolve(name), text);
    return d;
  }

  static Cli eval(String... more) {
    List<String> args = new ArrayList<>(List.of("eval", "--facts", facts.toString(), "--report", "json", "--out",
        dir.resolve("out-" + System.nanoTime()).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void anExportguardPackageWithDenyButNoMetadataIsAnErrorWithTheBlockToAdd() throws Exception {
    Path p = module("nometa", "tags.rego", "package exportguard.custom.tags\n\ndeny contains \"untagged\" if {\n"
        + "  count(input.image.tags) == 0\n}\n");
    Cli r = eval("--policies", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("tags.rego:3: package exportguard.custom.tags defines deny but is not a check")
        .contains("# METADATA").contains("# scope: package").contains("#   id: <YOUR-ID-001>");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void metadataWithoutPackageScopeIsCalledOut() throws Exception {
    Path p = module("rulescope", "tags.rego", """
        package exportguard.custom.tags

        # METADATA
        # title: Images are tagged
        # custom:
        #   id: ACME-001
        deny contains "untagged" if {
          count(input.image.tags) == 0
        }
        """);
    Cli r = eval("--policies", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("has a custom.id but not 'scope: package'");
  }

  @Test
  void rulesOutsideExportguardAreAWarningThatNamesTheFix() throws Exception {
    Path p = module("outside", "acme.rego", "package acme.rules\n\nwarn contains \"x\" if { true }\n");
    Cli r = eval("--policies", p.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: ").contains("acme.rego:3: package acme.rules defines warn but is outside"
        + " exportguard., so it is not run; move it to package exportguard.<area>.<name>");
  }

  @Test
  void conftestMainIsAWarningUntilAdoptedThenItIsACheckThatFails() throws Exception {
    Path p = module("conftest", "main.rego", """
        package main

        deny contains msg if {
          input.image.name == "web-base"
          msg := sprintf("image %s must not be exported", [input.image.name])
        }

        violation contains {"msg": "also a violation"} if { true }
        """);
    Cli warned = eval("--policies", p.toString());
    assertThat(warned.code()).isZero();
    assertThat(warned.err()).contains("package main defines deny (a conftest-style rule), which is not run;"
        + " pass --conftest-main");

    Path out = dir.resolve("adopted");
    Cli adopted = Cli.run("eval", "--facts", facts.toString(), "--policies", p.toString(), "--conftest-main",
        "--report", "json", "--out", out.toString());
    assertThat(adopted.code()).as(adopted.err()).isEqualTo(1);
    assertThat(adopted.err()).doesNotContain("warning");
    JsonNode check = check(out, "CONFTEST-MAIN");
    assertThat(check.path("status").asText()).isEqualTo("fail");
    assertThat(check.path("severity").asText()).isEqualTo("high");
    assertThat(check.path("findings").findValuesAsText("msg"))
        .containsExactlyInAnyOrder("image web-base must not be exported", "also a violation");
    assertThat(check.path("policyFile").asText()).endsWith("main.rego");
  }

  static JsonNode check(Path out, String id) throws Exception {
    try (var files = Files.list(out)) {
      Path json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
      for (JsonNode c : new ObjectMapper().readTree(json.toFile()).path("checks")) {
        if (c.path("id").asText().equals(id)) return c;
      }
    }
    throw new AssertionError("no check " + id);
  }
}
