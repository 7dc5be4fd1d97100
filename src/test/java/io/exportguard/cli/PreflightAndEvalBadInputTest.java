package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input anywhere: one short line on stderr naming the flag or file, exit 2, no stack trace, no report. */
class PreflightAndEvalBadInputTest {
  @TempDir static Path dir;

  static final String[] REQ = {"--region", "cn-hangzhou", "--image", "m-1", "--bucket", "my-export-bucket"};

  static Stream<Arguments> cases() throws IOException {
    Path notJson = Files.writeString(dir.resolve("not.json"), "{ nope");
    Path wrongSchema = Files.writeString(dir.resolve("v2.json"), "{\"schema\":\"exportguard.facts/v2\"}");
    Path aFile = Files.writeString(dir.resolve("file.txt"), "x");
    Path broken = Files.createDirectories(dir.resolve("broken/exportguard/x"));
    Files.writeString(broken.resolve("bad.rego"), "package exportguard.x.bad\n\ndeny contains msg if {\n");
    Path okFacts = Files.writeString(dir.resolve("ok.json"), "{\"schema\":\"exportguard.facts/v1\"}");
    int levels = 100_000; // was a StackOverflowError, exit 1
    Path deepJson = Files.writeString(dir.resolve("deep.json"), "{\"a\":".repeat(levels) + "1" + "}".repeat(levels));
    Path deepYaml = Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(levels) + "]".repeat(levels));
    Path aliases = Files.writeString(dir.resolve("aliases.yaml"),
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
    Path hugeNumber = Files.writeString(dir.resolve("number.json"), "{\"maxDataDisks\": 1" + "0".repeat(200_000) + "}");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("no-such-target"));
    Path hugeFacts = sparse(dir.resolve("huge-facts.json"), 3L << 30); // was an OutOfMemoryError and a stack trace
    Path hugePolicy = sparse(Files.createDirectories(dir.resolve("huge/exportguard/x")).resolve("huge.rego"), 100L << 20);
    return Stream.of(
        Arguments.of(List.of("eval", "--facts", hugeFacts.toString()), "huge-facts.json: larger than 256 MB"),
        Arguments.of(List.of("eval", "--facts", okFacts.toString(), "--policies", dir.resolve("huge").toString()),
            "huge.rego: larger than 64 MB"),
        Arguments.of(pre("--timeout", "9999999999999999999h"), "--timeout 9999999999999999999h: too long"),
        Arguments.of(pre("--timeout", "999999999999999h"), "--timeout 999999999999999h: too long"),
        Arguments.of(pre("--timeout", "PT9999999999999999H"), "--timeout PT9999999999999999H"),
        Arguments.of(pre("--timeout", "8d"), "--timeout 8d"),
        Arguments.of(List.of("eval", "--facts", okFacts.toString(), "--timeout", "99999999999999999999999s"),
            "--timeout 99999999999999999999999s: too long"),
        Arguments.of(pre("--data", deepJson.toString()), "deep.json:1:5002: invalid JSON: nested more than 1000 levels"),
        Arguments.of(List.of("eval", "--facts", okFacts.toString(), "--data", deepJson.toString()), "deep.json:1:5002"),
        Arguments.of(pre("--data", deepYaml.toString()), "deep.yaml:1:1004: invalid YAML: nested more than 1000 levels"),
        Arguments.of(pre("--data", aliases.toString()), "aliases.yaml:2:8: invalid YAML: aliases"),
        Arguments.of(pre("--data", hugeNumber.toString()), "number.json:1:"),
        Arguments.of(List.of("preflight", "--image", "m-1", "--bucket", "b"), "--region"),
        Arguments.of(List.of("preflight", "--region", "r", "--bucket", "b"), "--image"),
        Arguments.of(List.of("preflight", "--region", "r", "--image", "m"), "--bucket"),
        Arguments.of(pre("--fail-on", "urgent"), "--fail-on urgent"),
        Arguments.of(pre("--report", "json,pdf"), "pdf"),
        Arguments.of(pre("--timeout", "soon"), "--timeout soon"),
        Arguments.of(pre("--timeout", "0s"), "--timeout 0s"),
        Arguments.of(pre("--sandbox", "demo-pass", "--endpoint", "http://127.0.0.1:1"), "--sandbox and --endpoint"),
        Arguments.of(pre("--wait"), "--wait needs --export"),
        Arguments.of(pre("--endpoint", "http://10.1.2.3:80"), "loopback"),
        Arguments.of(pre("--policies", dir.resolve("missing").toString()), "missing"),
        Arguments.of(pre("--data", dir.resolve("missing.yaml").toString()), "missing.yaml"),
        Arguments.of(pre("--out", aFile.toString()), "not a directory"),
        Arguments.of(pre("--save-facts", dir.toString()), "is a directory"),
        Arguments.of(pre("--out", ""), "--out: the path is empty"),
        Arguments.of(pre("--policies", ""), "--policies: the path is empty"),
        Arguments.of(pre("--data", ""), "--data: the path is empty"),
        Arguments.of(pre("--save-facts", ""), "--save-facts: the path is empty"),
        Arguments.of(pre("--sandbox", ""), "--sandbox"),
        Arguments.of(pre("--out", dangling.toString()), "symbolic link"),
        Arguments.of(pre("--out", dangling.resolve("sub").toString()), "symbolic link"),
        Arguments.of(pre("--out", aFile.resolve("sub").toString()), "is a file"),
        Arguments.of(pre("--out", "/proc/self/exportguard-reports"), "not writable"),
        Arguments.of(pre("--save-facts", aFile.resolve("facts.json").toString()), "is a file"),
        Arguments.of(pre("--save-facts", dangling.toString()), "symbolic link"),
        Arguments.of(List.of("eval", "--facts", okFacts.toString(), "--out", ""), "--out: the path is empty"),
        Arguments.of(List.of("eval", "--facts", okFacts.toString(), "--out", dangling.toString()), "symbolic link"),
        Arguments.of(List.of("eval", "--facts", ""), "--facts: the path is empty"),
        Arguments.of(pre("--no-default-policies"), "--no-default-policies"),
        Arguments.of(pre("--profile", "p", "--sandbox", "demo-pass"), "--profile"),
        Arguments.of(pre("--sandbox", "demo-pass", "--no-default-policies", "--policies",
            dir.resolve("broken").toString()), "bad.rego:"),
        Arguments.of(List.of("eval", "--facts", okFacts.toString(), "--no-default-policies", "--policies",
            dir.resolve("broken").toString()), "bad.rego:"),
        Arguments.of(pre("--sandbox", "no-such-scenario"), "no-such-scenario"),
        Arguments.of(List.of("eval"), "--facts"),
        Arguments.of(List.of("eval", "--facts", notJson.toString()), "not.json:1:"),
        Arguments.of(List.of("eval", "--facts", wrongSchema.toString()), "exportguard.facts/v2"),
        Arguments.of(List.of("eval", "--facts", dir.resolve("none.json").toString()), "no such file"));
  }

  /** A file of the given length that takes no disk space. */
  static Path sparse(Path file, long length) throws IOException {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(length);
    }
    return file;
  }

  static List<String> pre(String... more) {
    List<String> a = new ArrayList<>(List.of("preflight"));
    a.addAll(List.of(REQ));
    a.addAll(List.of(more));
    return a;
  }

  @org.junit.jupiter.api.Test
  void aParseErrorOnAVeryLongLineShowsOnlyTheLineAroundTheColumn() throws IOException {
    Path policies = Files.createDirectories(dir.resolve("long/exportguard/x"));
    Files.writeString(policies.resolve("long.rego"),
        "package exportguard.x.long\n\nx := \"" + "a".repeat(5_000_000) + "\" + + 1\n");
    Path okFacts = Files.writeString(dir.resolve("facts-long.json"), "{\"schema\":\"exportguard.facts/v1\"}");
    Cli r = Cli.run("eval", "--facts", okFacts.toString(), "--no-default-policies", "--policies",
        dir.resolve("long").toString(), "--out", dir.resolve("out-long").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("long.rego:3:5000011: rego_parse_error").contains("...aaa").hasSizeLessThan(1_000);
    String[] lines = r.err().split("\n");
    assertThat(lines[2].indexOf('^')).as("the caret sits under the second +").isEqualTo(lines[1].lastIndexOf("+ 1"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void badInputExitsTwoWithAShortErrorAndNoReport(List<String> args, String mentioned) throws IOException {
    Path out = dir.resolve("out-" + Math.abs(args.hashCode()));
    List<String> withOut = new ArrayList<>(args);
    if (!args.contains("--out") && args.size() > 1) withOut.addAll(List.of("--out", out.toString()));
    Cli r = Cli.run(withOut.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(mentioned).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(3);
    assertThat(Files.exists(out)).isFalse();
  }
}
