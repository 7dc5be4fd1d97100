package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.sandbox.scenario.AccountGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit run as three shard processes ({@code --shard i/3}) and merged with {@code report merge}
 * gives the report of the unsharded audit, byte for byte (the clock pinned), in JSON and Markdown;
 * a merge with a shard missing or given twice is refused.
 */
class ShardMergeIT {
  static final String FIXED = "2026-12-01T00:00:00Z";

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void threeShardsMergeIntoTheUnshardedReport(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("account.yaml");
    Files.writeString(scenario, AccountGenerator.yaml(AccountGenerator.Spec.of(3, 60).withTasks(24)
        .withNow(Instant.parse(FIXED))));
    List<Process> children = new ArrayList<>();
    for (String shard : List.of("whole", "1/3", "2/3", "3/3")) {
      List<String> args = new ArrayList<>(List.of("audit", "--sandbox", scenario.toString(), "--report", "json", "-q",
          "--out", dir.resolve("out-" + shard.replace('/', '-')).toString()));
      if (!shard.equals("whole")) args.addAll(List.of("--shard", shard));
      ProcessBuilder pb = new ProcessBuilder(PreflightInterruptIT.javaCommand(args.toArray(String[]::new)));
      pb.environment().put("EXPORTGUARD_FIXED_TIME", FIXED);
      pb.environment().put("HOME", dir.toString());
      pb.redirectErrorStream(true).redirectOutput(dir.resolve("log-" + shard.replace('/', '-')).toFile());
      children.add(pb.start());
    }
    for (Process p : children) assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
    // A shard's verdict is its slice's: only the whole run is sure to hold a failure.
    assertThat(children.get(0).exitValue()).as(Files.readString(dir.resolve("log-whole"))).isEqualTo(1);
    for (Process p : children) assertThat(p.exitValue()).isBetween(0, 1);
    List<String> shardFiles = new ArrayList<>();
    int shardTargets = 0;
    for (String s : List.of("1-3", "2-3", "3-3")) {
      Path f = only(dir.resolve("out-" + s), ".json");
      shardFiles.add(f.toString());
      JsonNode r = new ObjectMapper().readTree(f.toFile());
      assertThat(r.path("scope").path("shard").asText()).isEqualTo(s.replace('-', '/'));
      assertThat(r.path("targets").size()).as("every shard decides some targets").isPositive();
      shardTargets += r.path("targets").size();
    }

    System.setProperty("exportguard.fixedTime", FIXED);
    try {
      Path merged = dir.resolve("merged");
      List<String> args = new ArrayList<>(List.of("report", "merge", "--report", "json,md", "--out", merged.toString()));
      args.addAll(shardFiles);
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isEqualTo(1);

      Path whole = only(dir.resolve("out-whole"), ".json");
      JsonNode wholeJson = new ObjectMapper().readTree(whole.toFile());
      assertThat(wholeJson.path("targets").size()).isEqualTo(shardTargets);
      assertThat(withoutTool(only(merged, ".json"))).isEqualTo(withoutTool(whole));

      Path wholeMd = dir.resolve("whole-md");
      Cli md = Cli.run("report", "merge", "--report", "md", "--out", wholeMd.toString(), whole.toString());
      assertThat(md.code()).as(md.err()).isEqualTo(1);
      assertThat(Files.readString(only(merged, ".md"))).isEqualTo(Files.readString(only(wholeMd, ".md")));

      Path refused = dir.resolve("refused");
      Cli missing = Cli.run("report", "merge", "--out", refused.toString(), shardFiles.get(0), shardFiles.get(2));
      assertThat(missing.code()).isEqualTo(2);
      assertThat(missing.err()).contains("shard 2/3").contains("missing").doesNotContain("\tat ");
      Cli twice = Cli.run("report", "merge", "--out", refused.toString(), shardFiles.get(0), shardFiles.get(1),
          shardFiles.get(2), shardFiles.get(1));
      assertThat(twice.code()).isEqualTo(2);
      assertThat(twice.err()).contains("given twice");
      Path copy = Files.copy(Path.of(shardFiles.get(1)), dir.resolve("copy-of-shard-2.json"));
      Cli overlap = Cli.run("report", "merge", "--out", refused.toString(), shardFiles.get(0), shardFiles.get(1),
          shardFiles.get(2), copy.toString());
      assertThat(overlap.code()).isEqualTo(2);
      assertThat(overlap.err()).contains("overlap");
      Cli mixed = Cli.run("report", "merge", "--out", refused.toString(), whole.toString(), shardFiles.get(0));
      assertThat(mixed.code()).isEqualTo(2);
      // Every shard records the policies it was decided with; shards of other policies do not merge.
      String digest = wholeJson.path("policy").path("sha256").asText();
      assertThat(digest).matches("[0-9a-f]{64}");
      Path otherPolicies = dir.resolve("shard-3-other-policies.json");
      Files.writeString(otherPolicies, Files.readString(Path.of(shardFiles.get(2))).replace(digest, "0".repeat(64)));
      Cli differing = Cli.run("report", "merge", "--out", refused.toString(), shardFiles.get(0), shardFiles.get(1),
          otherPolicies.toString());
      assertThat(differing.code()).isEqualTo(2);
      assertThat(differing.err()).contains("decided with other policies").contains("sha256 " + "0".repeat(64))
          .doesNotContain("\tat ");
      assertThat(refused).doesNotExist();
    } finally {
      System.clearProperty("exportguard.fixedTime");
    }
  }

  /** The report without the tool's version (the child runs the jar, this JVM the classes). */
  static JsonNode withoutTool(Path report) throws IOException {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(report.toFile());
    json.remove("tool");
    return json;
  }

  static Path only(Path dir, String ext) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> match = files.filter(p -> p.toString().endsWith(ext)).toList();
      assertThat(match).as("%s in %s", ext, dir).hasSize(1);
      return match.get(0);
    }
  }
}
