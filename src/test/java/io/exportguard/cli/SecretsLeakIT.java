package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.sandbox.Sandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known AccessKey secret and STS token pushed through every error path of real child processes
 * (the built jar): SDK read timeouts on ECS, RAM and OSS from the sandbox's latency and hang faults,
 * transport errors (nothing listening), ExportImage timing out and failing, service errors whose
 * messages echo a signed request, a signature mismatch, a malformed aliyun CLI profile file, and the
 * sandbox command. Then every output stream and every written file (reports in all formats, saved
 * facts) is searched for the secret, the token (as they are and encoded) and for unredacted signing
 * parameters. Each run also asserts that its error path was really taken.
 */
class SecretsLeakIT {
  static final String KEY_ID = "STS.LTAIleakcheck01";
  static final String SECRET = "Leak+Secret/Value=42xyzQ";
  static final String TOKEN = "CAIS+Leak/Token==9f8e7d6c5b4aZZ";
  static final String WRONG_SECRET = "Wrong+Secret/Value=77abcW";
  static final String[] REQUEST = {"--region", "cn-hangzhou", "--image", "m-bp1demo0001", "--bucket", "my-export-bucket"};
  static final String ALL_FORMATS = "json,html,sarif,junit,md,console";
  /** A signing parameter or header whose value is anything but the mask. */
  static final Pattern UNREDACTED = Pattern.compile("(?i)(?:[?&\\s\"]|%26|^)(Signature|SecurityToken|AccessKeyId|"
      + "OSSAccessKeyId|security-token|x-oss-signature|x-oss-credential|x-oss-security-token)(=|%3D|%253D|:)"
      + "(?!\\[REDACTED\\])[^&\\s\"]+");

  @TempDir static Path dir;
  static Path stsScenario;

  @BeforeAll
  static void scenarios() throws IOException {
    stsScenario = scenario("sts", List.of());
  }

  /** demo-pass signed with an STS key, plus the given fault lines. */
  static Path scenario(String name, List<String> faults) throws IOException {
    String base = Files.readString(Path.of("src/main/resources/scenarios/demo-pass.yaml"));
    String yaml = base.replace("{ id: LTAIsandbox, secret: sandbox-secret }",
        "{ id: \"" + KEY_ID + "\", secret: \"" + SECRET + "\", securityToken: \"" + TOKEN + "\" }");
    assertThat(yaml).contains(TOKEN);
    StringBuilder sb = new StringBuilder(yaml);
    if (!faults.isEmpty()) sb.append("\nfaults:\n");
    for (String f : faults) sb.append("  ").append(f).append('\n');
    return Files.writeString(dir.resolve(name + ".yaml"), sb.toString());
  }

  /** What one child process left behind: exit code, both streams, and every file it wrote. */
  record Run(String name, int code, String out, String err, Map<Path, String> files) {
    String everything() {
      StringBuilder sb = new StringBuilder(out).append('\n').append(err);
      files.forEach((p, text) -> sb.append('\n').append(text));
      return sb.toString();
    }

    JsonNode facts() throws IOException {
      return new ObjectMapper().readTree(files.get(dir.resolve(name).resolve("facts.json")));
    }

    List<String> errorCodes() throws IOException {
      List<String> out = new ArrayList<>();
      for (JsonNode e : facts().path("errors")) out.add(e.path("api").asText() + "=" + e.path("code").asText());
      return out;
    }
  }

  /** Runs the jar as a child with a fresh HOME and only the given Alibaba Cloud variables; reads all it wrote. */
  static CompletableFuture<Run> start(String name, Map<String, String> env, String... args) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        Path home = Files.createDirectories(dir.resolve(name).resolve("home"));
        List<String> cmd = new ArrayList<>(List.of(args));
        if (cmd.get(0).equals("preflight") || cmd.get(0).equals("eval")) {
          cmd.addAll(List.of("--report", ALL_FORMATS, "--out", dir.resolve(name).resolve("reports").toString()));
          if (cmd.get(0).equals("preflight")) cmd.addAll(List.of("--save-facts", dir.resolve(name).resolve("facts.json").toString()));
        }
        List<String> java = PreflightInterruptIT.javaCommand(cmd.toArray(String[]::new));
        java.add(1, "-Duser.home=" + home);
        ProcessBuilder pb = new ProcessBuilder(java);
        pb.environment().keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("ALICLOUD_"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("NO_PROXY", "127.0.0.1,localhost");
        pb.environment().put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        if (env.containsKey("CONFIG_JSON")) {
          Files.createDirectories(home.resolve(".aliyun"));
          Files.writeString(home.resolve(".aliyun/config.json"), env.get("CONFIG_JSON"));
          pb.environment().remove("CONFIG_JSON");
        }
        Process child = pb.start();
        PreflightInterruptIT.Lines out = PreflightInterruptIT.Lines.of(child.getInputStream());
        PreflightInterruptIT.Lines err = PreflightInterruptIT.Lines.of(child.getErrorStream());
        if (!child.waitFor(150, TimeUnit.SECONDS)) {
          child.destroyForcibly();
          throw new AssertionError(name + " did not finish; stderr: " + err.text());
        }
        out.join();
        err.join();
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(dir.resolve(name))) {
          for (Path f : all.filter(Files::isRegularFile).filter(f -> !f.startsWith(home)).toList()) {
            files.put(f, Files.readString(f));
          }
        }
        return new Run(name, child.exitValue(), out.text(), err.text(), files);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  static Map<String, String> stsEnvironment(String secret) {
    return Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret,
        "ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN);
  }

  static String[] preflight(String... more) {
    List<String> a = new ArrayList<>(List.of("preflight"));
    a.addAll(List.of(REQUEST));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  /** Every form a secret takes in output: as is, URL-encoded once and twice, JSON- and HTML-escaped. */
  static List<String> forms(String s) {
    String once = URLEncoder.encode(s, StandardCharsets.UTF_8);
    return List.of(s, once, once.replace("+", "%20"), URLEncoder.encode(once, StandardCharsets.UTF_8),
        s.replace("/", "\\/"), s.replace("+", "&#43;"), s.replace("=", "&#61;"), s.replace("/", "&#x2F;"));
  }

  static void assertNoSecrets(Run r) {
    String all = r.everything();
    for (String secret : List.of(SECRET, TOKEN, WRONG_SECRET)) {
      for (String form : forms(secret)) {
        assertThat(all).as("%s leaks %s; stderr:%n%s", r.name(), form, r.err()).doesNotContain(form);
      }
    }
    Matcher m = UNREDACTED.matcher(all);
    assertThat(m.find()).as("%s: unredacted signing parameter %s", r.name(), m.find(0) ? m.group() : "").isFalse();
    assertThat(all).as(r.name()).doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aKnownSecretAndTokenNeverLeaveThroughAnyErrorPath() throws Exception {
    Map<String, CompletableFuture<Run>> runs = new LinkedHashMap<>();
    // Real SDK read timeouts (10 s) on each API family: latency beyond it, and hangs.
    Path slow = scenario("slow", List.of(
        "- { api: \"ecs:DescribeImages\", latencyMs: 12000 }",
        "- { api: \"ram:GetRole\", latencyMs: 12000 }",
        "- { api: \"ram:ListPoliciesForRole\", hang: true }",
        "- { api: \"oss:GetBucketInfo\", latencyMs: 12000 }",
        "- { api: \"oss:GetBucketPolicy\", hang: true }"));
    runs.put("timeouts", start("timeouts", Map.of(), preflight("--sandbox", slow.toString())));
    // ExportImage times out, after a passing verdict.
    Path slowExport = scenario("slow-export", List.of("- { api: \"ecs:ExportImage\", latencyMs: 12000 }"));
    runs.put("export-timeout", start("export-timeout", Map.of(), preflight("--sandbox", slowExport.toString(), "--export")));
    // Services whose error messages echo the signed request (a gateway would), on every family and ExportImage.
    String echo = "upstream rejected /?AccessKeyId=" + KEY_ID + "&SecurityToken=" + TOKEN + "&Signature=abc%2Bdef%3D";
    Path echoing = scenario("echoing", List.of(
        "- { api: \"ecs:DescribeSnapshots\", error: InternalError, message: \"" + echo + "\" }",
        "- { api: \"ram:ListPoliciesForRole\", error: InternalError, message: \"" + echo + "\" }",
        "- { api: \"oss:GetBucketEncryption\", error: InternalError, message: \"" + echo + "\" }"));
    runs.put("echoing", start("echoing", Map.of(), preflight("--sandbox", echoing.toString())));
    Path failingExport = scenario("failing-export", List.of(
        "- { api: \"ecs:ExportImage\", error: InternalError, message: \"" + echo + "\" }"));
    runs.put("export-fails", start("export-fails", Map.of(), preflight("--sandbox", failingExport.toString(), "--export")));
    // Transport errors: nothing listens at the endpoint; credentials from the environment.
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    runs.put("unreachable", start("unreachable", stsEnvironment(SECRET),
        preflight("--endpoint", "http://127.0.0.1:" + closed, "--timeout", "60s")));
    // Signature mismatch (a wrong secret) against a separate emulator: the service echoes its string to sign.
    try (Sandbox sandbox = Sandbox.start(stsScenario.toString(), 0)) {
      runs.put("wrong-secret", start("wrong-secret", stsEnvironment(WRONG_SECRET),
          preflight("--endpoint", sandbox.endpoint().toString())));
      // A malformed aliyun CLI file holding the secret, through --profile and through the SDK chain.
      String badConfig = "{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"StsToken\",\"access_key_id\":\""
          + KEY_ID + "\",\"access_key_secret\":\"" + SECRET + "\" \"sts_token\":\"" + TOKEN + "\"}]}";
      runs.put("bad-profile", start("bad-profile", Map.of("CONFIG_JSON", badConfig),
          preflight("--profile", "p", "--endpoint", sandbox.endpoint().toString())));
      runs.put("bad-cli-file", start("bad-cli-file", Map.of("CONFIG_JSON", badConfig),
          preflight("--endpoint", sandbox.endpoint().toString())));
      // The sandbox command itself, serving the STS scenario.
      runs.put("sandbox-command", start("sandbox-command", Map.of(), "sandbox", "--scenario", stsScenario.toString(),
          "--stop-after", "PT2S"));
      CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new)).join();
    }

    Run timeouts = runs.get("timeouts").join();
    assertThat(timeouts.code()).as(timeouts.err()).isEqualTo(2);
    assertThat(timeouts.errorCodes()).contains("ecs:DescribeImages=SDK.ReadTimeout", "ram:GetRole=SDK.ReadTimeout",
        "ram:ListPoliciesForRole=SDK.ReadTimeout", "oss:GetBucketInfo=SocketTimeout", "oss:GetBucketPolicy=SocketTimeout");
    assertThat(timeouts.facts().toString()).contains("The url is http://127.0.0.1:").contains("/?[REDACTED]");

    Run exportTimeout = runs.get("export-timeout").join();
    assertThat(exportTimeout.code()).as(exportTimeout.err()).isEqualTo(2);
    assertThat(exportTimeout.err()).contains("ExportImage").contains("Timeout");

    Run echoingRun = runs.get("echoing").join();
    assertThat(echoingRun.errorCodes()).contains("ecs:DescribeSnapshots=InternalError",
        "ram:ListPoliciesForRole=InternalError", "oss:GetBucketEncryption=InternalError");
    assertThat(echoingRun.facts().toString()).contains("upstream rejected");

    Run exportFails = runs.get("export-fails").join();
    assertThat(exportFails.code()).as(exportFails.err()).isEqualTo(2);
    assertThat(exportFails.err()).contains("InternalError").contains("upstream rejected");

    // Since the identity check (issue 15), credentials are checked once with STS GetCallerIdentity
    // before any fact is used: an unreachable endpoint and a wrong secret are one error each.
    Run unreachable = runs.get("unreachable").join();
    assertThat(unreachable.code()).isEqualTo(2);
    assertThat(unreachable.err()).contains("cannot check the credentials").contains("STS GetCallerIdentity")
        .contains("SDK.ServerUnreachable");

    Run wrongSecret = runs.get("wrong-secret").join();
    assertThat(wrongSecret.code()).isEqualTo(2);
    assertThat(wrongSecret.err()).contains("the credentials were rejected").contains("STS GetCallerIdentity");

    Run badProfile = runs.get("bad-profile").join();
    assertThat(badProfile.code()).isEqualTo(2);
    assertThat(badProfile.err()).contains(".aliyun/config.json:1:").contains("not valid JSON");
    Run badCliFile = runs.get("bad-cli-file").join();
    assertThat(badCliFile.code()).isEqualTo(2);
    assertThat(badCliFile.err()).contains("no Alibaba Cloud credentials").contains(".aliyun/config.json:1:");

    Run sandboxCommand = runs.get("sandbox-command").join();
    assertThat(sandboxCommand.code()).as(sandboxCommand.err()).isZero();
    assertThat(sandboxCommand.out()).contains("access key id: " + KEY_ID).contains("holds the secret");

    for (CompletableFuture<Run> f : runs.values()) {
      Run r = f.join();
      if (r.name().equals("timeouts") || r.name().equals("echoing")) {
        assertThat(r.files().keySet().stream().map(p -> p.getFileName().toString()))
            .as("%s wrote every format and the facts", r.name())
            .anyMatch(n -> n.endsWith(".json") && n.startsWith("exportguard-")).anyMatch(n -> n.endsWith(".html"))
            .anyMatch(n -> n.endsWith(".sarif")).anyMatch(n -> n.endsWith(".xml")).anyMatch(n -> n.endsWith(".md"))
            .contains("facts.json");
      }
      assertNoSecrets(r);
    }
  }
}
