package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples in reports/samples/ are what {@code exportguard preflight} writes for the sandbox
 * scenarios demo-pass and demo-fail under a fixed clock. This test runs them again and fails when a
 * sample differs; {@code reports/samples/regenerate.sh} (this test with {@code -Dsamples.update=true})
 * rewrites them and takes the screenshot of the demo-fail HTML report.
 */
class ReportSamplesIT {
  static final Path SAMPLES = Path.of("reports/samples");
  static final String FIXED_TIME = "2026-01-01T00:00:00Z";
  static final String SCREENSHOT = "exportguard-demo-fail.png";
  private static final boolean UPDATE = Boolean.getBoolean("samples.update");
  private static String previousProperty;

  static Stream<Arguments> runs() {
    return Stream.of(Arguments.of("demo-pass", 0), Arguments.of("demo-fail", 1), Arguments.of(SCAN, 1));
  }

  @BeforeAll
  static void pinTheClock() {
    previousProperty = System.getProperty("exportguard.fixedTime");
    System.setProperty("exportguard.fixedTime", FIXED_TIME);
  }

  @AfterAll
  static void unpinTheClock() {
    if (previousProperty == null) System.clearProperty("exportguard.fixedTime");
    else System.setProperty("exportguard.fixedTime", previousProperty);
  }

  /** The sample of a static scan: a plan whose export role lacks two of the eight OSS actions. */
  static final String SCAN = "scan-plan";

  /** The command line of one sample, as README and regenerate.sh show it. */
  static List<String> args(String scenario, Path out) {
    if (scenario.equals(SCAN)) {
      return List.of("scan", "src/test/resources/scan/terraform/role-missing-actions.tfplan.json", "--report",
          "console,json,sarif", "--out", out.toString());
    }
    return List.of("preflight", "--sandbox", scenario, "--region", "cn-hangzhou", "--image", "m-bp1demo0001",
        "--bucket", "my-export-bucket", "--report", "console,json,html,sarif,junit,md", "--out", out.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void samplesAreCurrent(String scenario, int exitCode) throws Exception {
    Path target = SAMPLES.resolve(scenario);
    Path out = UPDATE ? target : Files.createTempDirectory("eg-samples-").resolve(scenario);
    if (UPDATE) clean(target);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = Main.run(args(scenario, out).toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(stderr.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    assertThat(code).as("exit code of %s", scenario).isEqualTo(exitCode);
    Files.createDirectories(out);
    Files.writeString(out.resolve("console.txt"), stdout.toString(StandardCharsets.UTF_8));

    formatsAreValid(out);
    if (UPDATE) {
      if (scenario.equals("demo-fail")) screenshot(out);
      return;
    }
    Map<String, String> expected = texts(target);
    Map<String, String> actual = texts(out);
    assertThat(actual.keySet()).as("files of %s (run reports/samples/regenerate.sh)", target)
        .isEqualTo(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(actual.get(name)).as("%s/%s is stale: run reports/samples/regenerate.sh", target, name)
          .isEqualTo(expected.get(name));
    }
  }

  /** The real run's SARIF validates against the schema and its JUnit XML parses, with matching counts. */
  private static void formatsAreValid(Path dir) throws Exception {
    Map<String, String> files = texts(dir);
    String json = only(files, ".json");
    String sarif = only(files, ".sarif");
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    try (java.io.InputStream in = ReportSamplesIT.class.getResourceAsStream("/report/sarif/sarif-2.1.0-rtm.5.json")) {
      com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
          .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V4).getSchema(in);
      assertThat(schema.validate(mapper.readTree(sarif))).isEmpty();
    }
    com.fasterxml.jackson.databind.JsonNode report = mapper.readTree(json);
    if (files.keySet().stream().noneMatch(n -> n.endsWith(".xml"))) return; // the scan sample has no JUnit
    String xml = only(files, ".xml");
    org.w3c.dom.Document junit = JunitReportWriterTest.parse(xml);
    assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(report.get("checks").size());
    assertThat(Integer.parseInt(junit.getDocumentElement().getAttribute("failures")))
        .isEqualTo(report.at("/summary/failed").asInt());
  }

  private static String only(Map<String, String> files, String extension) {
    List<String> names = files.keySet().stream().filter(n -> n.endsWith(extension)).toList();
    assertThat(names).hasSize(1);
    return files.get(names.get(0));
  }

  private static void screenshot(Path dir) throws Exception {
    Path html;
    try (Stream<Path> files = Files.list(dir)) {
      html = files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
    }
    try (Chromium browser = Chromium.start()) {
      browser.load(html.toAbsolutePath());
      assertThat(browser.problems(false)).isEmpty();
      Files.write(dir.resolve(SCREENSHOT), browser.screenshot(1100));
    }
  }

  /** Every text file of a sample folder by name (the screenshot is not compared: pixels vary by machine). */
  private static Map<String, String> texts(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".png")) continue;
        out.put(name, Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void clean(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return;
    List<Path> old = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(old::add);
    }
    for (Path p : old) Files.delete(p);
  }
}
