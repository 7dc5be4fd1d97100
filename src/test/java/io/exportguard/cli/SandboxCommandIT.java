package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exportguard sandbox} in-process: banner, 0600 credentials file, errors. */
class SandboxCommandIT {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void servesPrintsTheEndpointAndWritesTheSecretOnlyToA0600File() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    LiveProbe probe = new LiveProbe("exportguard-sandbox-" + port + "-");
    CompletableFuture<Run> running = CompletableFuture.supplyAsync(
        () -> run("sandbox", "--scenario", "demo-pass", "--port", String.valueOf(port), "--stop-after", "PT3S"));
    probe.whileServing();
    Run result = running.get();
    String banner = result.out();
    Matcher endpoint = Pattern.compile("endpoint: +(http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
    Matcher envFile = Pattern.compile("credentials: +(\\S+\\.env)").matcher(banner);
    assertThat(result.code()).isEqualTo(0);
    assertThat(result.out()).startsWith("exportguard sandbox: serving scenario demo-pass on http://127.0.0.1:" + port + "\n")
        .contains("access key id: LTAIsandbox").doesNotContain("sandbox-secret")
        .contains("exportguard preflight --endpoint http://127.0.0.1:").contains("--image m-bp1demo0001 --bucket my-export-bucket");
    assertThat(endpoint.find()).isTrue();
    assertThat(envFile.find()).isTrue();
    assertThat(Path.of(envFile.group(1))).doesNotExist();
    assertThat(probe.envText).contains("export ALIBABA_CLOUD_ACCESS_KEY_SECRET='sandbox-secret'")
        .contains("export ALIBABA_CLOUD_ACCESS_KEY_ID='LTAIsandbox'").contains("export EXPORTGUARD_ENDPOINT='" + endpoint.group(1) + "'");
    assertThat(probe.permissions).isEqualTo("rw-------");
    assertThat(probe.status).as("an unsigned request to the printed endpoint").isEqualTo(400);
  }

  /**
   * While the command serves: finds the env file it wrote (Main.run only hands back its output at
   * the end), records its text and permissions, and sends one request to the endpoint it names.
   */
  static final class LiveProbe {
    final String filePrefix;
    String envText;
    String permissions;
    int status;

    LiveProbe(String filePrefix) {
      this.filePrefix = filePrefix;
    }

    void whileServing() throws Exception {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      for (int i = 0; i < 100 && envText == null; i++) {
        Thread.sleep(50);
        try (var files = Files.list(tmp)) {
          for (Path p : files.filter(f -> f.getFileName().toString().startsWith(filePrefix)).toList()) {
            String text = Files.readString(p);
            if (text.contains("scenario demo-pass")) {
              envText = text;
              permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
              Matcher m = Pattern.compile("EXPORTGUARD_ENDPOINT='([^']+)'").matcher(text);
              if (m.find()) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/?Action=DescribeRegions&Version=2014-05-26")).build(),
                    HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
              }
            }
          }
        }
      }
    }
  }

  @Test
  void anInvalidScenarioIsBadInputNamingTheKeyPath(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "account: { id: \"1\", accessKeys: [ { id: a, secret: b } ] }\nimages: [ { id: m-1 } ]\n");
    Run r = run("sandbox", "--scenario", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("exportguard sandbox: scenario bad.yaml: images[0].region: is required");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownScenarioAndABadPortAreUsageErrors() {
    Run unknown = run("sandbox", "--scenario", "no-such-thing");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no built-in scenario of that name and no such file");
    Run port = run("sandbox", "--scenario", "demo-pass", "--port", "70000");
    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("--port must be between 0 and 65535");
    Run missing = run("sandbox");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--scenario");
  }
}
