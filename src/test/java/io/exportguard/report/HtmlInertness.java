package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks on an HTML report that hold whatever data it shows: every tag is one of the
 * template's, none has an event handler, URL or style attribute, non-void elements nest and close,
 * there is exactly one script (ours), text holds no raw angle brackets, and control characters and
 * bidirectional overrides are gone.
 */
final class HtmlInertness {
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
  private static final Pattern ATTR = Pattern.compile("\\s([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
  private static final Set<String> OUR_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "main",
      "header", "div", "h1", "h2", "p", "dl", "dt", "dd", "code", "svg", "text", "rect", "form", "fieldset", "legend",
      "label", "input", "span", "table", "thead", "tbody", "tr", "th", "td", "b", "details", "summary", "ul", "li",
      "pre", "footer", "script");
  private static final Set<String> VOID = Set.of("meta", "input", "br");

  private HtmlInertness() {}

  static void assertInert(String html) {
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
    assertThat(html).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\u202a-\\u202e\\u2066-\\u2069]");
  }
}
