package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.exportguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * End to end through the real chain (sandbox, SDK clients, gatherers, policy pack, writers): an
 * account whose image name, description, tags, platform, KMS key and RAM policy name carry payloads,
 * and a request whose bucket, prefix, format and role do. Every format must stay well formed and
 * inert, and the HTML report must load in Chromium without anything running.
 */
class HostileRunIT {
  private static final String SCENARIO = "src/test/resources/report/hostile-scenario.yaml";
  private static Chromium browser;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) browser.close();
  }

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("hostile-account", List.of("--sandbox", SCENARIO, "--bucket", "my-export-bucket")),
        Arguments.of("hostile-request", List.of("--sandbox", "demo-fail", "--bucket", "<script>x</script>",
            "--prefix", "\"><img src=x onerror=alert(1)>", "--format", "]]>|`x`\nnext",
            "--role", "[a](javascript:alert(1)) @everyone")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void everyFormatStaysWellFormedAndInert(String name, List<String> flags) throws Exception {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("preflight", "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--report", "console,json,html,sarif,junit,md", "--out", out.toString()));
    args.addAll(flags);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code = Main.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);

    String console = stdout.toString(StandardCharsets.UTF_8);
    assertThat(console).doesNotContain("\u001b").contains("javascript:alert(1)");

    JsonNode report = new ObjectMapper().readTree(file(out, ".json"));
    assertThat(report.toString()).as("the payload reached the report").contains("onerror=alert(1)");

    try (InputStream in = getClass().getResourceAsStream("/report/sarif/sarif-2.1.0-rtm.5.json")) {
      assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in)
          .validate(new ObjectMapper().readTree(file(out, ".sarif")))).isEmpty();
    }

    Document junit = JunitReportWriterTest.parse(file(out, ".xml"));
    assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(report.get("checks").size());
    assertThat(junit.getElementsByTagName("script").getLength()).isZero();

    String md = file(out, ".md");
    String prose = MarkdownReportWriterTest.outsideCodeBlocks(md);
    assertThat(prose).doesNotContain("<script").doesNotContain("<img").doesNotContainPattern("(?<!\\\\)\\]\\(")
        .doesNotContainPattern("@(?!\u200B)");

    String html = file(out, ".html");
    HtmlInertness.assertInert(html);
    Path page = null;
    try (Stream<Path> files = Files.list(out)) {
      page = files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
    }
    int before = browser.problems(false).size();
    browser.load(page);
    Thread.sleep(300);
    assertThat(browser.problems(false).subList(before, browser.problems(false).size())).isEmpty();
    assertThat(browser.eval("document.documentElement.dataset." + Payloads.MARKER + " === undefined").asBoolean())
        .isTrue();
    assertThat(browser.eval("document.scripts.length").asInt()).isEqualTo(1);
    assertThat(browser.eval("document.querySelectorAll('img,iframe,object,embed,a').length").asInt()).isZero();
    assertThat(browser.eval("document.querySelectorAll('tbody.check').length").asInt())
        .isEqualTo(report.get("checks").size());
  }

  private static String file(Path dir, String extension) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> match = files.filter(p -> p.toString().endsWith(extension)).toList();
      assertThat(match).hasSize(1);
      return Files.readString(match.get(0), StandardCharsets.UTF_8);
    }
  }
}
