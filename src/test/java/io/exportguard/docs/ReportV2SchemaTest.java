package io.exportguard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.exportguard.cli.Cli;
import io.exportguard.sandbox.scenario.AccountGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published schemas of the report of many targets ({@code docs/schemas/report-v2.schema.json})
 * and of a JSON Lines line ({@code report-v2-line.schema.json}) hold for real outputs: an audit of a
 * sandbox account (with a waiver and a baseline, so the optional parts appear), a scan of a fixture
 * plan, a report merged from two shards, and every line of {@code --report jsonl}; and they reject
 * documents of the wrong shape. The parts v1 and v2 share are the same text in both files.
 */
class ReportV2SchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID_PREFIX = "https://github.com/exportguard/exportguard/blob/main/docs/schemas/";
  @TempDir static Path dir;
  static Path account;

  /** A schema of docs/schemas, its relative references resolved to the files beside it (not the web). */
  static JsonSchema schema(String name) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaMappers(
        m -> m.mapPrefix(ID_PREFIX, Path.of("docs", "schemas").toAbsolutePath().toUri().toString())));
    return factory.getSchema(java.net.URI.create(ID_PREFIX + name));
  }

  static Path only(Path out, String ext) throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.toString().endsWith(ext)).findFirst().orElseThrow();
    }
  }

  @BeforeAll
  static void account() throws Exception {
    account = dir.resolve("account.yaml");
    Files.writeString(account, AccountGenerator.yaml(AccountGenerator.Spec.of(2, 6).withTasks(6)));
  }

  static Cli audit(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("audit", "--sandbox", account.toString(), "-q",
        "--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void anAuditWithWaiversAndABaselineAndItsJsonLinesValidate() throws Exception {
    Path first = dir.resolve("audit-1");
    Cli r = audit(first, "--report", "json");
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    JsonNode plain = JSON.readTree(only(first, ".json").toFile());
    assertThat(schema("report-v2.schema.json").validate(plain)).isEmpty();
    assertThat(plain.path("scope").path("command").asText()).isEqualTo("audit");

    // A waiver of one finding of the first failing check, and the first run as the baseline.
    JsonNode failing = null;
    for (JsonNode t : plain.path("targets")) {
      for (JsonNode c : t.path("checks")) {
        boolean named = c.path("findings").path(0).path("resource").isTextual();
        if (failing == null && c.path("status").asText().equals("fail") && named) {
          failing = c;
        }
      }
    }
    assertThat(failing).as("the generated account has failures").isNotNull();
    Path cfg = Files.writeString(dir.resolve("waivers.yaml"), "waivers:\n  - check: " + failing.path("id").asText()
        + "\n    resource: \"" + failing.path("findings").get(0).path("resource").asText() + "\"\n"
        + "    reason: accepted for the test\n    owner: qa\n    expires: 2999-12-31\n    acceptExportFailure: true\n");
    Path second = dir.resolve("audit-2");
    Cli w = audit(second, "--report", "json,jsonl", "--config", cfg.toString(), "--baseline",
        only(first, ".json").toString());
    assertThat(w.code()).as(w.err()).isIn(0, 1);
    JsonNode report = JSON.readTree(only(second, ".json").toFile());
    assertThat(schema("report-v2.schema.json").validate(report)).isEmpty();
    String text = Files.readString(only(second, ".json"));
    assertThat(text).as("the optional parts appear").contains("\"waiver\"").contains("\"baseline\"");

    List<String> lines = Files.readAllLines(only(second, ".jsonl"));
    assertThat(lines).hasSize(report.path("targets").size() + 1);
    JsonSchema line = schema("report-v2-line.schema.json");
    for (String l : lines) assertThat(line.validate(JSON.readTree(l))).as(l).isEmpty();
    assertThat(schema("report-v2.schema.json#/$defs/jsonlHeader").validate(JSON.readTree(lines.get(0)))).isEmpty();
    assertThat(schema("report-v2.schema.json#/$defs/targetEntry").validate(JSON.readTree(lines.get(1)))).isEmpty();
  }

  @Test
  void shardsMergedIntoOneReportValidate() throws Exception {
    Cli one = audit(dir.resolve("shard-1"), "--report", "json", "--shard", "1/2");
    Cli two = audit(dir.resolve("shard-2"), "--report", "json", "--shard", "2/2");
    assertThat(one.code()).as(one.err()).isIn(0, 1);
    assertThat(two.code()).as(two.err()).isIn(0, 1);
    JsonNode shard = JSON.readTree(only(dir.resolve("shard-1"), ".json").toFile());
    assertThat(schema("report-v2.schema.json").validate(shard)).isEmpty();
    assertThat(shard.path("scope").path("shard").asText()).isEqualTo("1/2");
    Cli merged = Cli.run("report", "merge", only(dir.resolve("shard-1"), ".json").toString(),
        only(dir.resolve("shard-2"), ".json").toString(), "--report", "json", "--out",
        dir.resolve("merged").toString());
    assertThat(merged.code()).as(merged.err()).isIn(0, 1);
    JsonNode whole = JSON.readTree(only(dir.resolve("merged"), ".json").toFile());
    assertThat(schema("report-v2.schema.json").validate(whole)).isEmpty();
    assertThat(whole.path("scope").has("shard")).isFalse();

    // Shards that carry the same policy section merge with it; shards decided with other policies do not merge.
    Path a = dir.resolve("policy-a.json");
    Path b = dir.resolve("policy-b.json");
    ObjectNode withPolicy = (ObjectNode) JSON.readTree(only(dir.resolve("shard-1"), ".json").toFile());
    withPolicy.putObject("policy").put("sha256", "a".repeat(64)).putArray("bundles").addObject().put("name", "p.tar.gz")
        .put("revision", "r1").put("signature", "none").putArray("roots").add("exportguard");
    JSON.writeValue(a.toFile(), withPolicy);
    ObjectNode other = (ObjectNode) JSON.readTree(only(dir.resolve("shard-2"), ".json").toFile());
    other.set("policy", withPolicy.path("policy"));
    JSON.writeValue(b.toFile(), other);
    Cli same = Cli.run("report", "merge", a.toString(), b.toString(), "--report", "json", "--out",
        dir.resolve("merged-policy").toString());
    assertThat(same.code()).as(same.err()).isIn(0, 1);
    JsonNode kept = JSON.readTree(only(dir.resolve("merged-policy"), ".json").toFile());
    assertThat(kept.path("policy").path("sha256").asText()).isEqualTo("a".repeat(64));
    assertThat(schema("report-v2.schema.json").validate(kept)).isEmpty();
    Cli mixed = Cli.run("report", "merge", a.toString(), only(dir.resolve("shard-2"), ".json").toString(),
        "--report", "json", "--out", dir.resolve("merged-mixed").toString());
    assertThat(mixed.code()).isEqualTo(2);
    assertThat(mixed.err()).contains("decided with other policies than");
    assertThat(dir.resolve("merged-mixed")).doesNotExist();
  }

  @Test
  void aScanOfAFixturePlanValidates() throws Exception {
    Path out = dir.resolve("scan");
    Cli r = Cli.run("scan", "src/test/resources/scan/terraform/role-missing-actions.tfplan.json", "--report",
        "json,jsonl", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    JsonNode report = JSON.readTree(only(out, ".json").toFile());
    assertThat(schema("report-v2.schema.json").validate(report)).isEmpty();
    assertThat(report.path("scope").path("inputs")).isNotEmpty();
    assertThat(Files.readString(only(out, ".json"))).as("scan locations appear").contains("\"definedAt\"");
    for (String l : Files.readAllLines(only(out, ".jsonl"))) {
      assertThat(schema("report-v2-line.schema.json").validate(JSON.readTree(l))).as(l).isEmpty();
    }
  }

  @Test
  void scansOfTwoPlansMergeIntoOneReportThatNamesBothInputs() throws Exception {
    String[] plans = {"role-missing-actions.tfplan.json", "bucket-settings.tfplan.json"};
    List<String> reports = new java.util.ArrayList<>(List.of("report", "merge"));
    for (String plan : plans) {
      Path out = dir.resolve("scan-" + plan);
      Cli r = Cli.run("scan", "src/test/resources/scan/terraform/" + plan, "--report", "json", "--out", out.toString());
      assertThat(r.code()).as(r.err()).isIn(0, 1);
      reports.add(only(out, ".json").toString());
    }
    reports.addAll(List.of("--report", "json", "--out", dir.resolve("scan-merged").toString()));
    Cli merged = Cli.run(reports.toArray(String[]::new));
    assertThat(merged.code()).as(merged.err()).isIn(0, 1);
    JsonNode whole = JSON.readTree(only(dir.resolve("scan-merged"), ".json").toFile());
    assertThat(schema("report-v2.schema.json").validate(whole)).isEmpty();
    assertThat(whole.path("scope").path("inputs").findValuesAsText("path"))
        .anyMatch(p -> p.endsWith(plans[0])).anyMatch(p -> p.endsWith(plans[1]));
  }

  @Test
  void theSchemasRejectDocumentsOfTheWrongShape() throws Exception {
    Path out = dir.resolve("scan-broken");
    assertThat(Cli.run("scan", "src/test/resources/scan/terraform/role-missing-actions.tfplan.json", "--report",
        "json", "--out", out.toString()).code()).isIn(0, 1);
    JsonSchema v2 = schema("report-v2.schema.json");
    JsonNode good = JSON.readTree(only(out, ".json").toFile());
    assertThat(v2.validate(good)).isEmpty();

    ObjectNode extra = good.deepCopy();
    extra.put("verdict", "pass");
    assertThat(v2.validate(extra)).as("an unknown top-level field").isNotEmpty();

    ObjectNode noTotals = good.deepCopy();
    ((ObjectNode) noTotals.path("summary")).remove("targets");
    assertThat(v2.validate(noTotals)).as("a run summary without its target counts").isNotEmpty();

    ObjectNode badStatus = good.deepCopy();
    ((ObjectNode) badStatus.path("targets").get(0).path("checks").get(0)).put("status", "ok");
    assertThat(v2.validate(badStatus)).as("a status outside the contract").isNotEmpty();

    ObjectNode noFingerprint = good.deepCopy();
    for (JsonNode c : noFingerprint.path("targets").get(0).path("checks")) {
      for (JsonNode f : c.path("findings")) ((ObjectNode) f).remove("fingerprint");
    }
    assertThat(v2.validate(noFingerprint)).as("findings without fingerprints").isNotEmpty();

    ObjectNode halfWaiver = good.deepCopy();
    JsonNode finding = null;
    for (JsonNode c : halfWaiver.path("targets").get(0).path("checks")) {
      if (finding == null && c.path("findings").size() > 0) finding = c.path("findings").get(0);
    }
    assertThat(finding).isNotNull();
    ((ObjectNode) finding).putObject("waiver").put("reason", "no owner, no expiry");
    assertThat(v2.validate(halfWaiver)).as("a waiver without owner and expiry").isNotEmpty();

    ObjectNode v1Shape = good.deepCopy();
    v1Shape.put("schema", "exportguard.report/v1");
    assertThat(v2.validate(v1Shape)).as("another schema's name").isNotEmpty();

    JsonSchema line = schema("report-v2-line.schema.json");
    ObjectNode targetWithCatalog = ((ObjectNode) good.path("targets").get(0)).deepCopy();
    assertThat(line.validate(targetWithCatalog)).isEmpty();
    targetWithCatalog.set("checks", good.path("checks"));
    assertThat(line.validate(targetWithCatalog)).as("a target line carrying catalog entries").isNotEmpty();
    assertThat(line.validate(JSON.readTree("{\"schema\":\"exportguard.report/v2\"}"))).as("a bare header").isNotEmpty();
  }

  @Test
  void thePartsV1AndV2ShareAreTheSameText() throws Exception {
    JsonNode v1 = JSON.readTree(Path.of("docs", "schemas", "report-v1.schema.json").toFile()).path("$defs");
    JsonNode v2 = JSON.readTree(Path.of("docs", "schemas", "report-v2.schema.json").toFile()).path("$defs");
    for (String def : List.of("summary", "export", "waiver", "policy", "factError")) {
      assertThat(v2.path(def)).as("$defs/%s", def).isEqualTo(v1.path(def)).isNotEmpty();
    }
  }
}
