package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("pass", SampleReports.passing()),
        Arguments.of("fail", SampleReports.failing()),
        Arguments.of("hostile", Payloads.hostile(SampleReports.failing())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void parsesWithTheJdkParserAndMatchesTheReportsCounts(String name, Report report) throws Exception {
    Document doc = parse(Render.of(new JunitReportWriter(), report));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    Report.Summary s = report.summary();
    assertThat(intAttr(root, "tests")).isEqualTo(report.checks().size());
    assertThat(intAttr(root, "failures")).isEqualTo(s.failed());
    assertThat(intAttr(root, "errors")).isEqualTo(s.errors());
    assertThat(intAttr(root, "skipped")).isEqualTo(s.skipped() + s.waived());

    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(report.checks().size());
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(s.failed());
    assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(s.errors());
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(s.skipped() + s.waived());
    assertThat(doc.getElementsByTagName("system-out").getLength()).isEqualTo(s.warned());

    // One suite per area, and the suites' counts add up to the totals.
    Map<String, Integer> perArea = new HashMap<>();
    for (Report.CheckResult c : report.checks()) perArea.merge(c.area(), 1, Integer::sum);
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(perArea.size());
    int tests = 0;
    int failures = 0;
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      tests += intAttr(suite, "tests");
      failures += intAttr(suite, "failures");
      assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(intAttr(suite, "tests"));
    }
    assertThat(tests).isEqualTo(report.checks().size());
    assertThat(failures).isEqualTo(s.failed());
    // Nothing but the expected elements: payload markup stayed text.
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("img").getLength()).isZero();
    assertThat(doc.getElementsByTagName("x").getLength()).isZero();
  }

  @Test
  void hostileStringsRoundTripAsText() throws Exception {
    Report report = Payloads.hostile(SampleReports.failing());
    Document doc = parse(Render.of(new JunitReportWriter(), report));
    Element property = (Element) doc.getElementsByTagName("property").item(2);
    assertThat(property.getAttribute("name")).isEqualTo("imageId");
    // The value comes back exactly, less the characters XML 1.0 cannot carry.
    assertThat(property.getAttribute("value"))
        .isEqualTo(report.target().imageId().replace("\u0000", "\uFFFD").replace("\u0007", "\uFFFD")
            .replace("\u001b", "\uFFFD"));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getTextContent()).contains("<script>", "]]>", "onerror=alert(1)>");
  }

  @Test
  void passingRunMatchesGolden() throws Exception {
    Golden.assertMatches("pass.xml", Render.of(new JunitReportWriter(), SampleReports.passing()));
  }

  @Test
  void failingRunMatchesGolden() throws Exception {
    Golden.assertMatches("fail.xml", Render.of(new JunitReportWriter(), SampleReports.failing()));
  }

  @Test
  void warnFindingsGoToSystemOutAndTheCasePasses() throws Exception {
    Document doc = parse(Render.of(new JunitReportWriter(), SampleReports.failing()));
    NodeList cases = doc.getElementsByTagName("testcase");
    Element warn = null;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").startsWith("EG-IMAGE-006 ")) warn = c;
    }
    assertThat(warn).isNotNull();
    assertThat(warn.getElementsByTagName("failure").getLength()).isZero();
    assertThat(warn.getElementsByTagName("system-out").item(0).getTextContent()).contains("has no 'owner' tag");
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static int intAttr(Element e, String name) {
    return Integer.parseInt(e.getAttribute(name));
  }

  @Test
  void classNamesCarryTheTargetSoSeveralImagesNeverCollide() throws Exception {
    String xml = Render.of(new JunitReportWriter(), SampleReports.failing());
    String label = JunitReportWriter.targetName(SampleReports.failing().target());
    assertThat(label).doesNotContain(".").doesNotContain("/").isNotEmpty();
    assertThat(xml).contains("classname=\"exportguard." + label + ".")
        .doesNotContain("classname=\"exportguard.role\"");
    assertThat(JunitReportWriter.targetName(new Report.Target("cn-hangzhou", "m-1", "b", "", "raw", "r")))
        .isEqualTo("cn-hangzhou_m-1");
  }
}
