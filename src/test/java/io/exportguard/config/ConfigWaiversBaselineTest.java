package io.exportguard.config;

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
 * .exportguard.yaml (flag defaults, policies, waivers), --baseline and --fail-on-new, end to end
 * through eval over demo-pass facts with one custom check (ACME-001: the image needs an owner tag;
 * demo-pass's image has none).
 */
class ConfigWaiversBaselineTest {
  @TempDir static Path dir;
  static Path facts;
  static Path checks;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void setUp() throws Exception {
    facts = dir.resolve("facts.json");
    Cli r = Cli.run("preflight", "--sandbox", "demo-pass", "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--report", "json", "--out", dir.resolve("pre").toString(),
        "--save-facts", facts.toString());
    assertThat(r.code()).as(r.err()).isZero();
    checks = Files.createDirectories(dir.resolve("checks/exportguard/acme"));
    Files.writeString(checks.resolve("owner.rego"), """
        # METADATA
        # scope: package
        # title: Image has an owner tag
        # custom:
        #   id: ACME-001
        #   severity: high
        #   requires: [image]
        package exportguard.acme.owner

        required := object.get(data.exportguard.config, "acmeOwnerTag", "owner")

        deny contains {"msg": sprintf("image %s has no %s tag", [input.image.id, required]), "resource": input.image.id} if {
          not required in {t.key | some t in input.image.tags}
        }
        """);
  }

  static Path config(String name, String yaml) throws Exception {
    return Files.writeString(dir.resolve(name), yaml.replace("CHECKS", dir.resolve("checks").toString()));
  }

  static Cli eval(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("eval", "--facts", facts.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static JsonNode report(Path out) throws Exception {
    try (var files = Files.list(out)) {
      return JSON.readTree(files.filter(f -> f.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow().toFile());
    }
  }

  static JsonNode check(JsonNode report, String id) {
    for (JsonNode c : report.path("checks")) if (c.path("id").asText().equals(id)) return c;
    throw new AssertionError("no " + id);
  }

  @Test
  void aCurrentWaiverWaivesTheFindingsWithItsReasonAndTheRunPasses() throws Exception {
    Path cfg = config("waive.yaml", """
        policies: [CHECKS]
        waivers:
          - check: ACME-001
            resource: m-bp1demo0001
            reason: legacy image, owner tag added at the next rebuild
            owner: platform-team
            expires: 2999-12-31
        """);
    Path out = dir.resolve("waived");
    Cli r = eval(out, "--config", cfg.toString(), "--report", "json,sarif,console");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    JsonNode acme = check(report(out), "ACME-001");
    assertThat(acme.path("status").asText()).isEqualTo("waived");
    assertThat(acme.path("findings")).hasSize(1);
    assertThat(acme.path("waiver").path("reason").asText()).isEqualTo("legacy image, owner tag added at the next rebuild");
    assertThat(acme.path("waiver").path("expires").asText()).isEqualTo("2999-12-31");
    assertThat(check(report(out), "EG-WAIVER-001").path("status").asText()).isEqualTo("pass");
    assertThat(r.out()).contains("WAIVED").contains("waived until 2999-12-31 by platform-team");
    try (var files = Files.list(out)) {
      String sarif = Files.readString(files.filter(f -> f.toString().endsWith(".sarif")).findFirst().orElseThrow());
      assertThat(sarif).contains("\"suppressions\"").contains("legacy image, owner tag added at the next rebuild");
    }
    assertThat(schemaProblems(report(out))).as("the waived report against docs/schemas").isEmpty();
    assertThat(r.err()).doesNotContain("warning");
  }

  @Test
  void everyFormatShowsTheWaiver() throws Exception {
    Path cfg = config("waive-all.yaml", """
        policies: [CHECKS]
        waivers:
          - check: ACME-001
            pattern: "m-bp1*"
            reason: owner tags arrive with the rebuild
            owner: platform-team
            expires: 2999-12-31
          - check: ACME-01
            reason: a typo
            owner: bob
            expires: 2999-12-31
        """);
    Path out = dir.resolve("waived-all");
    Cli r = eval(out, "--config", cfg.toString(), "--report", "json,junit,md,html,sarif");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("waive-all.yaml:8: the waiver of ACME-01 names no loaded check, so it never applies"
        + " (did you mean ACME-001?)");
    String mark = "waived until 2999-12-31 by platform-team: owner tags arrive with the rebuild";
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        String name = f.getFileName().toString();
        if (name.endsWith(".html")) text = text.replace("&#39;", "'");
        assertThat(text).as(name).contains("owner tags arrive with the rebuild").contains("platform-team");
        if (!name.endsWith(".json")) assertThat(text).as(name).contains(mark.substring(0, 40));
        if (name.endsWith(".xml")) {
          assertThat(text).contains("<skipped message=\"waived until 2999-12-31")
              .contains("- image m-bp1demo0001 has no owner tag [m-bp1demo0001]\n</skipped>");
        }
        if (name.endsWith(".sarif")) assertThat(text).contains("\"status\": \"accepted\"");
      }
    }
  }

  static java.util.Set<com.networknt.schema.ValidationMessage> schemaProblems(JsonNode report) throws Exception {
    return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("docs", "schemas", "report-v1.schema.json"))).validate(report);
  }

  @Test
  void anExpiredWaiverNoLongerAppliesAndIsItselfAFailure() throws Exception {
    Path cfg = config("expired.yaml", """
        policies: [CHECKS]
        waivers:
          - check: ACME-001
            reason: temporary
            owner: alice
            expires: 2020-01-31
        """);
    Path out = dir.resolve("expired");
    Cli r = eval(out, "--config", cfg.toString(), "--report", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode report = report(out);
    assertThat(check(report, "ACME-001").path("status").asText()).isEqualTo("fail");
    JsonNode w = check(report, "EG-WAIVER-001");
    assertThat(w.path("status").asText()).isEqualTo("fail");
    assertThat(w.path("findings").get(0).path("msg").asText()).contains("waiver of ACME-001").contains("alice")
        .contains("expired on 2020-01-31");
    assertThat(w.path("findings").get(0).path("resource").asText()).endsWith("expired.yaml:3");
  }

  @Test
  void defaultsComeFromTheFileAndFlagsWin() throws Exception {
    Path cfg = config("defaults.yaml", """
        defaults:
          report: json
          fail-on-warn: true
        policies: [CHECKS]
        """);
    Path out = dir.resolve("defaults");
    Cli quiet = eval(out, "--config", cfg.toString());
    assertThat(quiet.code()).isEqualTo(1);
    assertThat(quiet.out()).as("report: json from the file: no console").isEmpty();
    Cli flagged = eval(out, "--config", cfg.toString(), "--report", "console");
    assertThat(flagged.out()).contains("ACME-001");
  }

  @Test
  void unknownKeysAndFlagsAreErrorsNamingTheLine() throws Exception {
    Path top = config("typo.yaml", "policies: [CHECKS]\nwaiver:\n  - check: X\n");
    Cli r = eval(dir.resolve("typo"), "--config", top.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("typo.yaml:2:1: unknown key 'waiver' at the top level (allowed: data, defaults, policies, waivers)");
    Path flag = config("flag.yaml", "defaults:\n  fail_on: high\n");
    Cli f = eval(dir.resolve("flag"), "--config", flag.toString());
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.err()).contains("flag.yaml:2:3: unknown flag 'fail_on' under defaults (did you mean fail-on");
    Path waiver = config("waiver.yaml", "waivers:\n  - check: X\n    reason: r\n    owner: o\n    expires: soon\n");
    assertThat(eval(dir.resolve("w"), "--config", waiver.toString()).err())
        .contains("waiver.yaml:5:14: expires must be a date, yyyy-MM-dd");
    Path noReason = config("noreason.yaml", "waivers:\n  - check: X\n    owner: o\n    expires: 2030-01-01\n");
    assertThat(eval(dir.resolve("n"), "--config", noReason.toString()).err()).contains("a waiver needs reason");
    assertThat(dir.resolve("typo")).doesNotExist();
  }

  @Test
  void aBaselineMarksFindingsNewUnchangedAndFixedAndFailOnNewFailsOnlyOnNewOnes() throws Exception {
    Path before = dir.resolve("b0");
    assertThat(eval(before, "--report", "json").code()).isZero();
    Path baseline0 = dir.resolve("baseline0.json");
    Files.copy(Files.list(before).filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow(), baseline0);

    Path withCheck = dir.resolve("b1");
    Cli added = eval(withCheck, "--policies", dir.resolve("checks").toString(), "--baseline", baseline0.toString(),
        "--fail-on-new", "--report", "json,sarif,console");
    assertThat(added.code()).as("a new failing finding fails").isEqualTo(1);
    JsonNode acme = check(report(withCheck), "ACME-001");
    assertThat(acme.path("findings").get(0).path("baseline").asText()).isEqualTo("new");
    assertThat(added.out()).contains("[new]");
    Path baseline1 = dir.resolve("baseline1.json");
    try (var files = Files.list(withCheck)) {
      List<Path> all = files.toList();
      Files.copy(all.stream().filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow(), baseline1);
      String sarif = Files.readString(all.stream().filter(f -> f.toString().endsWith(".sarif")).findFirst().orElseThrow());
      assertThat(sarif).contains("\"baselineState\": \"new\"");
    }

    Path again = dir.resolve("b2");
    Cli unchanged = eval(again, "--policies", dir.resolve("checks").toString(), "--baseline", baseline1.toString(),
        "--fail-on-new", "--report", "json");
    assertThat(unchanged.code()).as("only an unchanged finding: --fail-on-new passes").isZero();
    JsonNode same = check(report(again), "ACME-001");
    assertThat(same.path("status").asText()).as("the report still shows the failure").isEqualTo("fail");
    assertThat(same.path("findings").get(0).path("baseline").asText()).isEqualTo("unchanged");
    assertThat(eval(dir.resolve("b2b"), "--policies", dir.resolve("checks").toString(), "--baseline",
        baseline1.toString(), "--report", "json").code()).as("without --fail-on-new it still fails").isEqualTo(1);

    Path data = Files.writeString(dir.resolve("team.yaml"), "acmeOwnerTag: team\n");
    Path fixed = dir.resolve("b3");
    assertThat(eval(fixed, "--policies", dir.resolve("checks").toString(), "--data", data.toString(), "--baseline",
        baseline1.toString(), "--report", "json,md,junit,sarif,html").code()).isZero();
    try (var files = Files.list(fixed)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        String name = f.getFileName().toString();
        assertThat(text).as("%s shows the fixed finding", name).contains("image m-bp1demo0001 has no owner tag");
        if (name.endsWith(".md")) assertThat(text).contains("(m-bp1demo0001) **fixed**");
        if (name.endsWith(".xml")) assertThat(text).contains("[m-bp1demo0001] [fixed]\n</system-out>");
        if (name.endsWith(".sarif")) assertThat(text).contains("\"baselineState\": \"absent\"");
      }
    }
    JsonNode gone = check(report(fixed), "ACME-001");
    assertThat(gone.path("status").asText()).isEqualTo("pass");
    assertThat(gone.path("fixed")).hasSize(1);
    assertThat(gone.path("fixed").get(0).path("resource").asText()).isEqualTo("m-bp1demo0001");
    assertThat(schemaProblems(report(fixed))).as("a baseline report against docs/schemas").isEmpty();
    assertThat(schemaProblems(report(again))).isEmpty();

    Cli noBaseline = eval(dir.resolve("b4"), "--fail-on-new");
    assertThat(noBaseline.code()).isEqualTo(2);
    assertThat(noBaseline.err()).contains("--fail-on-new needs --baseline");
  }

  @Test
  void theFilesDataIsMergedUnderDataFilesAndCheckedKeyByKey() throws Exception {
    Path cfg = config("data.yaml", """
        policies: [CHECKS]
        data:
          acmeOwnerTag: team
          maxWeeklyExports: 100
        """);
    Cli fromFile = eval(dir.resolve("c1"), "--config", cfg.toString(), "--report", "json");
    assertThat(fromFile.code()).as("the file's data reaches the check: %s", fromFile.err()).isZero();
    Path owner = Files.writeString(dir.resolve("owner.yaml"), "acmeOwnerTag: owner\n");
    Cli flagWins = eval(dir.resolve("c2"), "--config", cfg.toString(), "--data", owner.toString(), "--report", "json");
    assertThat(flagWins.code()).as("--data wins over the file's data").isEqualTo(1);
    assertThat(check(report(dir.resolve("c2")), "ACME-001").path("status").asText()).isEqualTo("fail");

    Path typo = config("datatypo.yaml", "policies: [CHECKS]\ndata:\n  acmeOwnerTag: team\n  maxWeeklyExport: 100\n");
    Cli bad = eval(dir.resolve("c3"), "--config", typo.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("datatypo.yaml:4:3: unknown key 'maxWeeklyExport'")
        .contains("did you mean maxWeeklyExports?");
    Path type = config("datatype.yaml", "data: {windowsBlocking: maybe}\n");
    assertThat(eval(dir.resolve("c4"), "--config", type.toString()).err())
        .contains("datatype.yaml:1:8: 'windowsBlocking' must be true or false");
    Path notMap = config("datalist.yaml", "data: [1, 2]\n");
    assertThat(eval(dir.resolve("c5"), "--config", notMap.toString()).err())
        .contains("datalist.yaml:1:7: data must be a mapping");
    assertThat(dir.resolve("c3")).doesNotExist();
  }

  @Test
  void dataKeysAreCheckedAgainstWhatThePoliciesRead() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.yaml"), "maxConcurrentExports: 5\nmaxWeeklyExport: 100\n");
    Cli r = eval(dir.resolve("d1"), "--data", typo.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("typo.yaml:2:1: unknown key 'maxWeeklyExport'").contains("did you mean maxWeeklyExports?");
    Path type = Files.writeString(dir.resolve("type.json"), "{\"windowsBlocking\": \"yes\"}");
    assertThat(eval(dir.resolve("d2"), "--data", type.toString()).err())
        .contains("type.json:1:2: 'windowsBlocking' must be true or false");
    Path own = Files.writeString(dir.resolve("own.yaml"), "acmeOwnerTag: team\nmaxWeeklyExports: 100\n");
    Cli custom = eval(dir.resolve("d3"), "--data", own.toString(), "--policies", dir.resolve("checks").toString(),
        "--report", "json");
    assertThat(custom.code()).as("a key a loaded custom check reads is fine: %s", custom.err()).isZero();
  }
}
