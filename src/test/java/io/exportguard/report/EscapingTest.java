package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every cloud-sourced string of a report (image, bucket, role, policy and check names, finding
 * messages and resources, error messages, export objects) carries {@link Payloads}: each format must
 * stay well formed and inert.
 */
class EscapingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
  private static final Set<String> OUR_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "main",
      "header", "div", "h1", "h2", "p", "dl", "dt", "dd", "code", "svg", "text", "rect", "form", "fieldset", "legend",
      "label", "input", "span", "table", "thead", "tbody", "tr", "th", "td", "b", "details", "summary", "ul", "li",
      "pre", "footer", "script");
  private static final Pattern ATTR = Pattern.compile("\\s([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
  private static final Set<String> VOID = Set.of("meta", "input", "br");

  static Stream<Arguments> cases() {
    return Stream.of("json", "html", "sarif", "junit", "md", "console").flatMap(format -> Stream.of(
        Arguments.of(format, "failing", Payloads.hostile(SampleReports.failing())),
        Arguments.of(format, "passing", Payloads.hostile(SampleReports.passing()))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void everyFormatStaysWellFormedAndInert(String format, String run, Report report) throws Exception {
    String out = Render.of(ReportWriters.forName(format, true), report);
    switch (format) {
      case "json" -> jsonRoundTrips(out, report);
      case "sarif" -> assertThat(MAPPER.readTree(out).at("/runs/0/properties/target/imageId").asText())
          .isEqualTo(report.target().imageId());
      case "html" -> htmlIsInert(out, report);
      case "junit" -> {
        Document doc = JunitReportWriterTest.parse(out);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(report.checks().size());
      }
      case "md" -> assertThat(MarkdownReportWriterTest.outsideCodeBlocks(out)).doesNotContain("<script");
      case "console" -> assertThat(out.replaceAll("\u001b\\[[0-9;]*m", "")).doesNotContain("\u001b")
          .doesNotContain("\u202e").doesNotContain("\u0000");
      default -> throw new IllegalArgumentException(format);
    }
  }

  private static void jsonRoundTrips(String out, Report report) throws Exception {
    JsonNode root = MAPPER.readTree(out);
    assertThat(root.at("/target/imageId").asText()).isEqualTo(report.target().imageId());
    assertThat(root.at("/checks/0/findings").size()).isEqualTo(report.checks().get(0).findings().size());
    assertThat(root.at("/checks/0/title").asText()).isEqualTo(report.checks().get(0).title());
    assertThat(root.at("/errors").size()).isEqualTo(report.errors().size());
  }

  /**
   * Every tag in the page is one of ours, none has an event handler or a URL attribute, non-void
   * elements nest and close properly, and every payload appears only in escaped form.
   */
  private static void htmlIsInert(String html, Report report) {
    String markup = html.replaceAll("(?s)<script>.*?</script>", "<script></script>")
        .replaceAll("(?s)<style>.*?</style>", "<style></style>")
        .replaceFirst("(?i)<!DOCTYPE html>", "");
    Deque<String> open = new ArrayDeque<>();
    Matcher m = TAG.matcher(markup);
    int scripts = 0;
    while (m.find()) {
      String name = m.group(2).toLowerCase();
      String attrs = m.group(3);
      assertThat(OUR_TAGS).as("unexpected element <%s>", name).contains(name);
      Matcher a = ATTR.matcher(attrs);
      while (a.find()) {
        assertThat(a.group(1).toLowerCase()).as("event handler or URL attribute in <%s%s>", name, attrs)
            .doesNotStartWith("on").isNotIn("src", "href", "action", "formaction", "xlink:href", "style");
      }
      if (name.equals("script") && m.group(1).isEmpty()) scripts++;
      boolean selfClosing = attrs.endsWith("/");
      if (VOID.contains(name) || selfClosing) continue;
      if (m.group(1).isEmpty()) {
        open.push(name);
      } else {
        assertThat(open).as("closing </%s> without an open element", name).isNotEmpty();
        assertThat(open.pop()).as("</%s> closes the wrong element", name).isEqualTo(name);
      }
    }
    assertThat(open).as("unclosed elements").isEmpty();
    assertThat(scripts).isEqualTo(1);
    // Text outside tags holds no raw angle brackets: every '<' and '>' of a payload is an entity.
    String text = TAG.matcher(markup).replaceAll("");
    assertThat(text).doesNotContain("<").doesNotContain(">");
    assertThat(html).contains("&lt;script&gt;document.documentElement.dataset." + Payloads.MARKER)
        .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        .contains("]]&gt;&lt;x&gt;cdata&lt;/x&gt;")
        .contains("{{ 7*7 }} {% raw %} ${7*7}");
    assertThat(report.target().imageId()).contains("<script>");
    // Control characters and bidirectional overrides are neutralised, line breaks kept.
    assertThat(html).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\u202a-\\u202e\\u2066-\\u2069]");
  }
}
