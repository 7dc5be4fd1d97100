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
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("no-such-target"));
    return Stream.of(
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

  static List<String> pre(String... more) {
    List<String> a = new ArrayList<>(List.of("preflight"));
    a.addAll(List.of(REQ));
    a.addAll(List.of(more));
    return a;
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
