package io.exportguard.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waivers accept single findings, not whole checks: ACME-002 fails three times over demo-pass's
 * facts (the image, the bucket and the role have no cost-center tag, one finding each); a waiver
 * naming one resource marks that finding waived in every format and leaves the check failing on the
 * other two, until every finding is waived. Baselines and --fail-on-new keep working per finding.
 */
class PerFindingWaiversTest {
  @TempDir static Path dir;
  static Path facts;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String IMAGE = "m-bp1demo0001";
  static final String BUCKET = "my-export-bucket";
  static final String ROLE = "AliyunECSImageExportDefaultRole";

  @BeforeAll
  static void setUp() throws Exception {
    facts = dir.resolve("facts.json");
    Cli r = Cli.run("preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou", "--image", IMAGE,
        "--bucket", BUCKET, "--report", "json", "--out", dir.resolve("pre").toString(),
        "--save-facts", facts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path checks = Files.createDirectories(dir.resolve("checks/exportguard/acme"));
    Files.writeString(checks.resolve("cost.rego"), """
        # METADATA
        # scope: package
        # title: Every resource of the export names its cost center
        # custom:
        #   id: ACME-002
        #   severity: high
        #   requires: [request]
        package exportguard.acme.cost

        deny contains {"msg": sprintf("%s has no cost-center tag", [r]), "resource": r} if {
          some r in [input.request.imageId, input.request.ossBucket, input.request.roleName]
        }
        """);
  }

  static Cli eval(Path out, String yaml, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("eval", "--facts", facts.toString(), "--out", out.toString(),
        "--policies", dir.resolve("checks").toString()));
    if (yaml != null) {
      Path cfg = Files.writeString(dir.resolve(out.getFileName() + ".yaml"), yaml);
      args.addAll(List.of("--config", cfg.toString()));
    }
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static Path file(Path out, String ext) throws Exception {
    try (var files = Files.list(out)) {
      return files.filter(f -> f.toString().endsWith(ext)).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  static JsonNode acme(Path out) throws Exception {
    for (JsonNode c : JSON.readTree(file(out, ".json").toFile()).path("checks")) {
      if (c.path("id").asText().equals("ACME-002")) return c;
    }
    throw new AssertionError("no ACME-002");
  }

  /** resource -> the finding's waiver reason, or "-" for a finding no waiver accepted. */
  static Map<String, String> waivedBy(JsonNode check) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : check.path("findings")) {
      out.put(f.path("resource").asText(), f.has("waiver") ? f.path("waiver").path("reason").asText() : "-");
    }
    return out;
  }

  static final String ONE = """
      waivers:
        - check: ACME-002
          resource: my-export-bucket
          reason: the bucket is billed centrally
          owner: finops
          expires: 2999-12-31
      """;

  /**
   * A check with deny and warn findings (ACME-003: the image is denied, the bucket only warned of):
   * waiving the deny finding leaves what the warning alone makes the check — warn, or fail with
   * --fail-on-warn — not fail.
   */
  @Test
  void waivingEveryDenyFindingLeavesTheWarnings() throws Exception {
    Path checks = Files.createDirectories(dir.resolve("checks3/exportguard/acme"));
    Files.writeString(checks.resolve("owner.rego"), """
        # METADATA
        # scope: package
        # title: Export resources name their owner
        # custom:
        #   id: ACME-003
        #   severity: high
        #   requires: [request]
        package exportguard.acme.owner

        deny contains {"msg": "the image has no owner tag", "resource": input.request.imageId}

        warn contains {"msg": "the bucket has no owner tag", "resource": input.request.ossBucket}
        """);
    String waiveImage = """
        waivers:
          - check: ACME-003
            resource: m-bp1demo0001
            reason: the image is a golden image owned by the platform
            owner: platform
            expires: 2999-12-31
        """;
    for (String[] run : new String[][] {{"warn", "0"}, {"fail", "1", "--fail-on-warn"}}) {
      Path out = dir.resolve("deny-waived-" + run[0]);
      Path cfg = Files.writeString(dir.resolve("deny-waived-" + run[0] + ".yaml"), waiveImage);
      List<String> args = new ArrayList<>(List.of("eval", "--facts", facts.toString(), "--out", out.toString(),
          "--policies", dir.resolve("checks3").toString(), "--config", cfg.toString(), "--report", "json"));
      if (run.length > 2) args.add(run[2]);
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isEqualTo(Integer.parseInt(run[1]));
      JsonNode check = null;
      for (JsonNode c : JSON.readTree(file(out, ".json").toFile()).path("checks")) {
        if (c.path("id").asText().equals("ACME-003")) check = c;
      }
      assertThat(check).isNotNull();
      assertThat(check.path("status").asText()).isEqualTo(run[0]);
      assertThat(check.path("findings").get(0).path("waiver").path("owner").asText()).isEqualTo("platform");
      assertThat(check.path("findings").get(1).has("waiver")).isFalse();
    }
  }

  @Test
  void aWaiverOfOneResourceWaivesThatFindingAndTheCheckStillFailsOnTheOthers() throws Exception {
    Path out = dir.resolve("one");
    Cli r = eval(out, ONE, "--report", "json,sarif,console,md,html,junit");
    assertThat(r.code()).as("two findings still fail: %s", r.err()).isEqualTo(1);
    JsonNode acme = acme(out);
    assertThat(acme.path("status").asText()).isEqualTo("fail");
    assertThat(acme.has("waiver")).as("no check-level waiver while findings still fail").isFalse();
    assertThat(waivedBy(acme)).isEqualTo(Map.of(IMAGE, "-", BUCKET, "the bucket is billed centrally", ROLE, "-"));
    JsonNode w = null;
    for (JsonNode f : acme.path("findings")) if (f.path("resource").asText().equals(BUCKET)) w = f.path("waiver");
    assertThat(w.path("owner").asText()).isEqualTo("finops");
    assertThat(w.path("expires").asText()).isEqualTo("2999-12-31");
    assertThat(w.path("source").asText()).endsWith("one.yaml:2");

    // SARIF: the waived finding's result alone carries the suppression.
    JsonNode results = JSON.readTree(file(out, ".sarif").toFile()).path("runs").get(0).path("results");
    int acmeResults = 0;
    for (JsonNode res : results) {
      if (!res.path("ruleId").asText().equals("ACME-002")) continue;
      acmeResults++;
      boolean bucket = res.path("message").path("text").asText().startsWith(BUCKET);
      assertThat(res.has("suppressions")).as(res.path("message").toString()).isEqualTo(bucket);
      if (bucket) {
        assertThat(res.path("suppressions").get(0).path("justification").asText())
            .contains("waived until 2999-12-31 by finops: the bucket is billed centrally");
      }
      assertThat(res.path("level").asText()).isEqualTo("error");
    }
    assertThat(acmeResults).isEqualTo(3);

    // Every human format shows the finding's waiver (reason, owner, expiry) beside it.
    String mark = "waived until 2999-12-31 by finops: the bucket is billed centrally";
    assertThat(r.out()).contains("FAIL").contains(mark);
    for (String ext : List.of(".md", ".html", ".xml")) {
      String text = Files.readString(file(out, ext)).replace("&#39;", "'");
      assertThat(text).as(ext).contains(mark).contains(IMAGE + " has no cost-center tag");
    }
    assertThat(Files.readString(file(out, ".xml"))).contains("<failure message=\"");
    assertThat(ConfigWaiversBaselineTest.schemaProblems(JSON.readTree(file(out, ".json").toFile()))).isEmpty();
  }

  @Test
  void aPatternWaivesEveryFindingItMatchesAndOnlyAllWaivedMakesTheCheckWaived() throws Exception {
    Path some = dir.resolve("pattern");
    Cli r = eval(some, """
        waivers:
          - check: ACME-002
            pattern: "*xport*"
            reason: export plumbing is tagged by the platform
            owner: platform
            expires: 2999-12-31
        """, "--report", "json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(waivedBy(acme(some))).isEqualTo(Map.of(IMAGE, "-", BUCKET, "export plumbing is tagged by the platform",
        ROLE, "export plumbing is tagged by the platform"));
    assertThat(acme(some).path("status").asText()).isEqualTo("fail");

    Path all = dir.resolve("all");
    Cli a = eval(all, ONE + """
          - check: ACME-002
            pattern: "*Export*"
            reason: the role is managed by Alibaba Cloud
            owner: platform
            expires: 2999-12-31
          - check: ACME-002
            resource: m-bp1demo0001
            reason: legacy image
            owner: team-a
            expires: 2999-12-31
        """, "--report", "json,console");
    assertThat(a.code()).as(a.err()).isZero();
    JsonNode acme = acme(all);
    assertThat(acme.path("status").asText()).isEqualTo("waived");
    assertThat(waivedBy(acme)).isEqualTo(Map.of(IMAGE, "legacy image", BUCKET, "the bucket is billed centrally",
        ROLE, "the role is managed by Alibaba Cloud"));
    assertThat(a.out()).contains("WAIVED").contains("by team-a: legacy image").contains("by finops")
        .contains("the role is managed by Alibaba Cloud");
  }

  @Test
  void aWaiverOfAPreventsCheckWithoutAcceptExportFailureWaivesNoFindingAndIsReportedOnce() throws Exception {
    // A custom check that names a prevents code, like the pack's EG-IMAGE checks, with three findings.
    Path checks = Files.createDirectories(dir.resolve("prevents/exportguard/acme"));
    Files.writeString(checks.resolve("p.rego"), """
        # METADATA
        # scope: package
        # title: Three findings that predict an export error
        # custom:
        #   id: ACME-003
        #   severity: high
        #   prevents: InvalidParameter
        #   requires: [request]
        package exportguard.acme.prevents

        deny contains {"msg": sprintf("%s is refused", [r]), "resource": r} if {
          some r in [input.request.imageId, input.request.ossBucket, input.request.roleName]
        }
        """);
    Path out = dir.resolve("prevents-out");
    Path cfg = Files.writeString(dir.resolve("prevents.yaml"), """
        waivers:
          - check: ACME-003
            pattern: "*"
            reason: we know
            owner: bob
            expires: 2999-12-31
        """);
    Cli r = Cli.run("eval", "--facts", facts.toString(), "--out", out.toString(), "--policies",
        dir.resolve("prevents").toString(), "--config", cfg.toString(), "--report", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode report = JSON.readTree(file(out, ".json").toFile());
    for (JsonNode c : report.path("checks")) {
      if (c.path("id").asText().equals("ACME-003")) {
        assertThat(c.path("status").asText()).isEqualTo("fail");
        for (JsonNode f : c.path("findings")) assertThat(f.has("waiver")).isFalse();
      }
      if (c.path("id").asText().equals("EG-WAIVER-001")) {
        assertThat(c.path("status").asText()).isEqualTo("fail");
        assertThat(c.path("findings")).as("one problem for one waiver, not one per finding").hasSize(1);
        assertThat(c.path("findings").get(0).path("msg").asText()).contains("acceptExportFailure: true");
      }
    }
  }

  @Test
  void baselinesWorkPerFindingAndAWaivedNewFindingDoesNotFailOnNew() throws Exception {
    // The baseline knows the image's and the role's findings, not the bucket's.
    Path first = dir.resolve("base");
    Cli b = eval(first, null, "--report", "json");
    assertThat(b.code()).isEqualTo(1);
    JsonNode base = JSON.readTree(file(first, ".json").toFile());
    for (JsonNode c : base.path("checks")) {
      if (!c.path("id").asText().equals("ACME-002")) continue;
      var kept = JSON.createArrayNode();
      for (JsonNode f : c.path("findings")) if (!f.path("resource").asText().equals(BUCKET)) kept.add(f);
      ((com.fasterxml.jackson.databind.node.ObjectNode) c).set("findings", kept);
    }
    Path baseline = dir.resolve("baseline.json");
    JSON.writeValue(baseline.toFile(), base);

    Path out = dir.resolve("compared");
    Cli newOne = eval(out, null, "--baseline", baseline.toString(), "--fail-on-new", "--report", "json");
    assertThat(newOne.code()).as("the bucket's finding is new").isEqualTo(1);

    Path waived = dir.resolve("compared-waived");
    Cli r = eval(waived, ONE, "--baseline", baseline.toString(), "--fail-on-new", "--report", "json");
    assertThat(r.code()).as("the only new finding is waived: %s", r.err()).isZero();
    JsonNode acme = acme(waived);
    assertThat(acme.path("status").asText()).as("the report still shows the two unchanged failures").isEqualTo("fail");
    Map<String, String> marks = new TreeMap<>();
    for (JsonNode f : acme.path("findings")) marks.put(f.path("resource").asText(), f.path("baseline").asText());
    assertThat(marks).isEqualTo(Map.of(IMAGE, "unchanged", BUCKET, "new", ROLE, "unchanged"));
    assertThat(waivedBy(acme).get(BUCKET)).isEqualTo("the bucket is billed centrally");
  }
}
