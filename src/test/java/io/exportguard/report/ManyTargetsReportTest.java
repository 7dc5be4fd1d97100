package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every writer renders a report of many targets (an audit, a scan): golden files for a small mixed
 * one, and the shape and size of one with thousands of targets.
 */
class ManyTargetsReportTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static JsonSchema sarifSchema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = ManyTargetsReportTest.class.getResourceAsStream("/report/sarif/sarif-2.1.0-rtm.5.json")) {
      sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void everyFormatMatchesItsGolden() throws Exception {
    Report r = SampleReports.manyTargets();
    Golden.assertMatches("targets.json", Render.of(new JsonReportWriter(), r));
    Golden.assertMatches("targets.sarif", Render.of(new SarifReportWriter(), r));
    Golden.assertMatches("targets.xml", Render.of(new JunitReportWriter(), r));
    Golden.assertMatches("targets.md", Render.of(new MarkdownReportWriter(), r));
    Golden.assertMatches("targets.console.txt", Render.of(new ConsoleReportWriter(false), r));
    Golden.assertMatches("targets.html", Render.of(new HtmlReportWriter(), r));
  }

  @Test
  void jsonHoldsEveryTargetWithTheSingleTargetFieldsAndTheTotals() throws Exception {
    Report r = SampleReports.manyTargets();
    JsonNode json = MAPPER.readTree(Render.of(new JsonReportWriter(), r));
    assertThat(json.path("schema").asText()).isEqualTo(Report.SCHEMA_TARGETS);
    assertThat(json.path("summary").path("verdict").asText()).isEqualTo("fail");
    assertThat(json.path("summary").path("targets").asInt()).isEqualTo(5);
    assertThat(json.path("summary").path("targetsFailed").asInt()).isEqualTo(2);
    assertThat(json.path("summary").path("targetsErrored").asInt()).isEqualTo(1);
    assertThat(json.path("summary").path("targetsPassed").asInt()).isEqualTo(2);
    assertThat(json.path("targets")).hasSize(5);
    Set<String> fingerprints = new HashSet<>();
    int findings = 0;
    for (JsonNode t : json.path("targets")) {
      assertThat(t.path("target").path("kind").asText()).isIn("image", "plan-resource", "file");
      assertThat(t.path("target").path("label").asText()).isNotBlank();
      assertThat(t.path("summary").path("verdict").asText()).isIn("pass", "fail", "error");
      assertThat(t.path("checks")).hasSize(30);
      for (JsonNode c : t.path("checks")) {
        for (JsonNode f : c.path("findings")) {
          findings++;
          fingerprints.add(f.path("fingerprint").asText());
        }
      }
    }
    assertThat(fingerprints).as("one fingerprint per finding, distinct across targets").hasSize(findings);
    assertThat(json.path("errors").get(0).path("code").asText()).isEqualTo("ListingIncomplete");
  }

  @Test
  void sarifIsValidAndNamesEachResultsTarget() throws Exception {
    Report r = SampleReports.manyTargets();
    JsonNode sarif = MAPPER.readTree(Render.of(new SarifReportWriter(), r));
    assertThat(sarifSchema.validate(sarif)).isEmpty();
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("exportguard/targets/");
    Set<String> targets = new HashSet<>();
    for (JsonNode result : run.path("results")) {
      JsonNode target = result.path("locations").get(0).path("logicalLocations").get(0);
      assertThat(target.path("kind").asText()).isEqualTo("module");
      targets.add(target.path("fullyQualifiedName").asText());
      assertThat(result.path("partialFingerprints").path(Fingerprints.VERSION).asText()).hasSize(64);
    }
    assertThat(targets).contains("image:cn-hangzhou/m-bp1demo0001", "image:cn-beijing/m-2ze0busy0007",
        "plan-resource:plans/export.tfplan.json#alicloud_image_export.nightly");
    assertThat(run.path("invocations").get(0).path("toolExecutionNotifications").toString())
        .contains("ListingIncomplete").contains("cn-beijing/m-2ze0busy0007: could not gather role facts");
  }

  @Test
  void junitHasASuitePerTargetAndCountsAddUp() throws Exception {
    Report r = SampleReports.manyTargets();
    Document doc = JunitReportWriterTest.parse(Render.of(new JunitReportWriter(), r));
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(r.targets().size() + 1); // one more for the run-level facts error
    int tests = 0;
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      tests += Integer.parseInt(s.getAttribute("tests"));
      failures += Integer.parseInt(s.getAttribute("failures"));
      assertThat(s.getElementsByTagName("testcase").getLength()).isEqualTo(Integer.parseInt(s.getAttribute("tests")));
    }
    Element root = doc.getDocumentElement();
    assertThat(Integer.parseInt(root.getAttribute("tests"))).isEqualTo(tests);
    assertThat(Integer.parseInt(root.getAttribute("failures"))).isEqualTo(failures).isEqualTo(r.summary().failed());
    assertThat(Integer.parseInt(root.getAttribute("errors"))).isEqualTo(r.summary().errors() + 1);
  }

  @Test
  void humanFormatsLeadWithWhatBlocksAndSayHowTheTargetsWent() {
    Report r = SampleReports.manyTargets();
    String console = Render.of(new ConsoleReportWriter(false), r);
    assertThat(console.lines().findFirst().orElseThrow()).isEqualTo("FAIL  2 of 5 targets failed, 1 of 5 targets could"
        + " not be decided, 1 fact outside any target could not be gathered, 2 passed");
    assertThat(console.indexOf("cn-hangzhou/m-bp1demo0001")).isLessThan(console.indexOf("cn-beijing/m-2ze0busy0007"));
    assertThat(console).contains("2 targets passed (not listed)").doesNotContain("m-uf6team0042");
    String md = Render.of(new MarkdownReportWriter(), r);
    assertThat(md).startsWith("## ❌ exportguard: FAIL, 2 of 5 targets failed").contains("### Targets that need action")
        .contains("plans/export.tfplan.json#alicloud\\_image\\_export.nightly");
    String html = Render.of(new HtmlReportWriter(), r);
    assertThat(html).contains("Targets that need action").contains("2 targets passed every check that blocks");
  }

  /** Thousands of targets (an account audit): every format stays bounded where it must and lists what blocks. */
  @Test
  void thousandsOfTargetsStayReadable() throws Exception {
    Report r = SampleReports.manyTargets(3_000);
    String md = Render.of(new MarkdownReportWriter(), r);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThan(MarkdownReportWriter.LIMIT_BYTES);
    assertThat(md).contains("more targets that need action are not shown");
    String console = Render.of(new ConsoleReportWriter(false), r);
    assertThat(console).contains("... 250 more targets did not pass").contains("2700 targets passed (not listed)");
    assertThat(console.lines().filter(l -> l.startsWith("FAIL   image")).count())
        .isEqualTo(ConsoleReportWriter.MAX_TARGETS);
    JsonNode json = MAPPER.readTree(Render.of(new JsonReportWriter(), r));
    assertThat(json.path("targets")).hasSize(3_000);
    assertThat(json.path("summary").path("targetsFailed").asInt()).isEqualTo(300);
    Document junit = JunitReportWriterTest.parse(Render.of(new JunitReportWriter(), r));
    assertThat(junit.getElementsByTagName("testsuite").getLength()).isEqualTo(3_000);
    String html = Render.of(new HtmlReportWriter(), r);
    assertThat(html).contains("2700 targets passed every check that blocks");
    List<String> all = List.of(md, console, html);
    assertThat(all).allSatisfy(text -> assertThat(text).contains("cn-hangzhou/m-bp1img000000"));
  }
}
