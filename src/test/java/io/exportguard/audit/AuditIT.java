package io.exportguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.cli.Cli;
import io.exportguard.sandbox.scenario.AccountGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exportguard audit} end to end, in-process, through the real SDK clients against the
 * sandbox: a small generated account that holds one of everything the audit reports, the same
 * account throttled by the service, and the same account with a fact that cannot be gathered.
 */
class AuditIT {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Task times count back from now (the audit's --since window is real time). Every task kind of the generator: Processing (t0), to the public (t4), foreign (t9) and unlisted (t15) buckets, failed (t6), older than 30 days (t11). */
  static final AccountGenerator.Spec SMALL = AccountGenerator.Spec.of(2, 40).withTasks(16);

  static Path scenario(Path dir, AccountGenerator.Spec spec, String extraYaml) throws IOException {
    Path file = dir.resolve("account.yaml");
    Files.writeString(file, AccountGenerator.yaml(spec) + extraYaml);
    return file;
  }

  /** Approves the generated export buckets and the export role only, so the others are findings. */
  static Path data(Path dir) throws IOException {
    Path file = dir.resolve("audit-data.json");
    Files.writeString(file, """
        {"allowedExportBuckets": ["exports-*"], "allowedExporters": ["role/AliyunECSImageExportDefaultRole"],
         "auditBuckets": {"cn-hangzhou": "exports-cn-hangzhou", "cn-shanghai": "exports-cn-shanghai"}}""");
    return file;
  }

  static Cli audit(Path scenario, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "--sandbox", scenario.toString(), "--out", out.toString(),
        "--since", "30d"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  static JsonNode report(Path out, String ext) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      Path p = files.filter(f -> f.getFileName().toString().endsWith("." + ext)).findFirst().orElseThrow();
      return JSON.readTree(p.toFile());
    }
  }

  /** kind/label -> verdict, and check id -> the labels of the targets where it failed. */
  static Map<String, String> verdicts(JsonNode report) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode t : report.path("targets")) {
      out.put(t.path("target").path("kind").asText() + " " + t.path("target").path("label").asText(),
          t.path("summary").path("verdict").asText());
    }
    return out;
  }

  static Map<String, TreeSet<String>> byStatus(JsonNode report, String status) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (JsonNode t : report.path("targets")) {
      for (JsonNode c : t.path("checks")) {
        if (c.path("status").asText().equals(status)) {
          out.computeIfAbsent(c.path("id").asText(), k -> new TreeSet<>()).add(t.path("target").path("label").asText());
        }
      }
    }
    return out;
  }

  @Test
  void aSmallAccountGivesEveryFindingTheAuditIsFor(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("reports");
    Cli r = audit(scenario(dir, SMALL, ""), out, "--data", data(dir).toString(), "-q",
        "--report", "json,jsonl,html,sarif,junit,md,console");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("generated-secret");

    JsonNode report = report(out, "json");
    assertThat(report.path("schema").asText()).isEqualTo("exportguard.report/v2");
    assertThat(report.path("summary").path("verdict").asText()).isEqualTo("fail");
    Map<String, String> verdicts = verdicts(report);
    // Every image of the account is a target of its own, once; so are both regions, their buckets,
    // the account, every history task inside the window and every RAM identity.
    assertThat(verdicts.keySet().stream().filter(k -> k.startsWith("image ")).count()).isEqualTo(40);
    assertThat(verdicts).containsKeys("image cn-hangzhou/m-gen0000000", "image cn-shanghai/m-gen0000039",
        "region cn-hangzhou", "region cn-shanghai", "account " + AccountGenerator.ACCOUNT,
        "export cn-hangzhou/t-gen000004", "ram-user user-1", "ram-group group-0", "ram-role AliyunECSImageExportDefaultRole");
    assertThat(verdicts).doesNotContainKey("export cn-hangzhou/t-gen000011"); // 40 days old, outside --since 30d
    assertThat(report.path("summary").path("targets").asInt()).isEqualTo(verdicts.size());

    Map<String, TreeSet<String>> failed = byStatus(report, "fail");
    assertThat(failed.get("EG-HIST-001")).as("unlisted bucket").contains("cn-hangzhou/t-gen000015");
    assertThat(failed.get("EG-HIST-002")).as("another account's bucket").containsExactly("cn-hangzhou/t-gen000009");
    assertThat(failed.get("EG-HIST-003")).as("public bucket").containsExactly("cn-hangzhou/t-gen000004");
    assertThat(failed.get("EG-RAM-001")).as("may export, not approved").contains("user-1", "user-3", "group-0", "group-2")
        .doesNotContain("group-4", "AliyunECSImageExportDefaultRole");
    assertThat(failed.get("EG-RAM-002")).as("could grant itself").contains("user-2");
    assertThat(failed.get("EG-IMAGE-005")).as("encrypted snapshot").contains("cn-shanghai/m-gen0000007");
    assertThat(failed.get("EG-IMAGE-004")).as("Marketplace lineage").contains("cn-shanghai/m-gen0000011");
    assertThat(failed.get("EG-IMAGE-003")).as("still Creating").contains("cn-shanghai/m-gen0000005");
    assertThat(failed.get("EG-TASK-001")).as("export in progress").contains("cn-hangzhou/m-gen0000000");
    assertThat(byStatus(report, "warn").get("EG-HIST-004")).as("failed export, advisory")
        .contains("cn-hangzhou/t-gen000006");
    assertThat(verdicts.get("image cn-hangzhou/m-gen0000002")).isEqualTo("pass");
    assertThat(report.path("errors")).isEmpty();

    // JSON Lines: one line per target besides the header and the totals.
    try (Stream<Path> files = Files.list(out)) {
      List<Path> all = files.toList();
      assertThat(all.stream().map(p -> p.getFileName().toString().replaceAll(".*\\.", "")))
          .containsExactlyInAnyOrder("json", "jsonl", "html", "sarif", "xml", "md");
      Path jsonl = all.stream().filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
      long targetLines = Files.readAllLines(jsonl).stream().filter(l -> l.contains("\"target\":{")).count();
      assertThat(targetLines).isEqualTo(verdicts.size());
      // The header line records the policies, as the JSON report does.
      JsonNode header = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllLines(jsonl).get(0));
      assertThat(header.path("policy").path("sha256").asText()).matches("[0-9a-f]{64}")
          .isEqualTo(report(out, "json").path("policy").path("sha256").asText());
    }
    JsonNode sarif = report(out, "sarif");
    int failedChecks = failed.values().stream().mapToInt(TreeSet::size).sum();
    assertThat(sarif.path("runs").get(0).path("results").size()).isGreaterThanOrEqualTo(failedChecks);
  }

  @Test
  void aThrottledAccountIsAuditedToTheSameResultsAndSaysHowOftenItWasThrottled(@TempDir Path dir) throws IOException {
    Path plainDir = Files.createDirectories(dir.resolve("plain"));
    Cli plain = audit(scenario(plainDir, SMALL, ""), plainDir.resolve("out"), "--report", "json", "-q");
    // The service admits 4 calls a second per API; the audit starts at 20 and must slow down.
    Path slowDir = Files.createDirectories(dir.resolve("throttled"));
    Cli throttled = audit(scenario(slowDir, SMALL.withRate(4), ""), slowDir.resolve("out"), "--report", "json",
        "--api-rate", "20");

    assertThat(throttled.code()).as(throttled.err()).isEqualTo(plain.code()).isEqualTo(1);
    Matcher m = Pattern.compile("([0-9,]+) calls \\(.*\\), ([0-9,]+) throttled").matcher(throttled.err());
    assertThat(m.find()).as(throttled.err()).isTrue();
    assertThat(Long.parseLong(m.group(2).replace(",", ""))).as(throttled.err()).isPositive();
    JsonNode a = report(plainDir.resolve("out"), "json");
    JsonNode b = report(slowDir.resolve("out"), "json");
    assertThat(b.path("errors")).as("no call gave up").isEmpty();
    assertThat(verdicts(b)).isEqualTo(verdicts(a));
    assertThat(byStatus(b, "fail")).isEqualTo(byStatus(a, "fail"));
  }

  @Test
  void aFactThatCannotBeGatheredMakesItsTargetsErrorAndTheOthersAreStillDecided(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("reports");
    Cli r = audit(scenario(dir, SMALL, """
        faults:
          - { api: "ecs:DescribeSnapshots", error: Forbidden.RAM }
        """), out, "--report", "json", "-q", "--regions", "cn-shanghai");
    assertThat(r.code()).as(r.err()).isEqualTo(1); // the history and RAM findings still fail

    JsonNode report = report(out, "json");
    Map<String, String> verdicts = verdicts(report);
    List<String> images = verdicts.keySet().stream().filter(k -> k.startsWith("image ")).toList();
    assertThat(images).hasSize(20).allMatch(k -> k.startsWith("image cn-shanghai/"));
    assertThat(images).allSatisfy(k -> assertThat(verdicts.get(k)).as(k).isIn("error", "fail"));
    assertThat(byStatus(report, "error").get("EG-IMAGE-005")).hasSize(20);
    assertThat(byStatus(report, "pass").get("EG-IMAGE-005")).isNull();
    assertThat(verdicts.get("region cn-shanghai")).isEqualTo("pass");
    assertThat(verdicts.keySet()).noneMatch(k -> k.contains("cn-hangzhou/"));
  }

  @Test
  void anotherAccountIsAuditedAsARoleThroughStsAndARoleThatCannotBeAssumedIsBadInput(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("reports");
    String role = "acs:ram::" + AccountGenerator.ACCOUNT + ":role/AuditReader";
    Cli r = audit(scenario(dir, SMALL, ""), out, "--report", "json", "-q", "--assume-role", role);
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode report = report(out, "json");
    assertThat(report.path("scope").path("settings").path("assumeRole").asText()).isEqualTo(role);
    assertThat(report.path("scope").path("subject").asText()).isEqualTo(AccountGenerator.ACCOUNT);
    assertThat(verdicts(report).keySet().stream().filter(k -> k.startsWith("image ")).count()).isEqualTo(40);

    Path none = dir.resolve("none");
    Cli refused = audit(scenario(dir, SMALL, ""), none, "--report", "json", "-q", "--assume-role",
        "acs:ram::" + AccountGenerator.ACCOUNT + ":role/NoSuchRole");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--assume-role").contains("NoSuchRole").doesNotContain("\tat ");
    assertThat(none).doesNotExist();
  }

  @Test
  void badFlagsExit2WithoutAReport(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("reports");
    for (String[] flags : List.of(new String[] {"--regions", "not a region"}, new String[] {"--shard", "0/2"},
        new String[] {"--since", "forever"}, new String[] {"--api-rate", "fast"}, new String[] {"--bucket", "Bad_Bucket"})) {
      Cli r = audit(scenario(dir, SMALL, ""), out, flags);
      assertThat(r.code()).as(String.join(" ", flags)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", flags)).contains(flags[0]).doesNotContain("\tat ");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aPolicyThatDoesNotCompileIsBadInputWithoutAReport(@TempDir Path dir)
      throws IOException {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(policies.resolve("broken.rego"), """
        package custom.broken
        # METADATA is not needed to fail: the rule refers to a function nobody defined.
        deny contains msg if {
          msg := no_such_function(input.image.id)
        }
        """);
    Path out = dir.resolve("reports");
    Cli r = audit(scenario(dir, SMALL, ""), out, "--report", "json", "-q", "--policies", policies.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("broken.rego:4").contains("no_such_function").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }
}
