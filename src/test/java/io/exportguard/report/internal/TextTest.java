package io.exportguard.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest(name = "xml({0})")
  @CsvSource(delimiter = '¦', value = {
      "a<b>c ¦ a&lt;b&gt;c",
      "]]> ¦ ]]&gt;",
      "\"x\" & 'y' ¦ &quot;x&quot; &amp; &apos;y&apos;",
  })
  void xmlEscapesMarkup(String in, String out) {
    assertThat(Text.xml(in)).isEqualTo(out);
  }

  @Test
  void xmlReplacesWhatXml10CannotCarryAndKeepsPairs() {
    assertThat(Text.xml("a\u0000b\u001bc\uD800d\uFFFE")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    assertThat(Text.xml("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    assertThat(Text.xml("l1\nl2\tx")).isEqualTo("l1&#10;l2&#9;x");
    assertThat(Text.xmlText("l1\r\nl2")).isEqualTo("l1\nl2");
    assertThat(Text.xml(null)).isEmpty();
  }

  @ParameterizedTest(name = "markdownInline({0})")
  @CsvSource(delimiter = '¦', value = {
      "a|b ¦ a&#124;b",
      "[x](y) ¦ \\[x\\]\\(y\\)",
      "![i](u) ¦ \\!\\[i\\]\\(u\\)",
      "<b> ¦ &lt;b&gt;",
      "`c` ¦ \\`c\\`",
      "# h ¦ \\# h",
      "- item ¦ \\- item",
      "a - b # c ¦ a - b # c",
      "http://x ¦ http\\://x",
      "www.x.org ¦ www\\.x.org",
      "m-bp1demo0001 ¦ m-bp1demo0001",
  })
  void markdownInlineEscapesWhatCouldBecomeMarkup(String in, String out) {
    assertThat(Text.markdownInline(in)).isEqualTo(out);
  }

  @Test
  void markdownInlineKeepsOneLineAndBreaksMentions() {
    assertThat(Text.markdownInline("a\r\nb")).isEqualTo("a<br>b");
    assertThat(Text.markdownInline("@team")).isEqualTo("@\u200Bteam");
  }

  @Test
  void codeBlockFenceIsLongerThanAnyBacktickRunInside() {
    assertThat(Text.markdownCodeBlock("echo ok", "shell")).isEqualTo("```shell\necho ok\n```\n");
    assertThat(Text.markdownCodeBlock("a ```` b", null)).isEqualTo("`````\na ```` b\n`````\n");
    assertThat(Text.markdownCodeBlock("x\u001b[2Jy", null)).isEqualTo("```\nx\uFFFD[2Jy\n```\n");
  }

  @Test
  void terminalShowsControlsInsteadOfObeyingThem() {
    assertThat(Text.terminal("a\u001b[31mb\nc\u202e")).isEqualTo("a\\u001b[31mb\\nc\\u202e");
    assertThat(Text.terminal("plain")).isEqualTo("plain");
  }

  @ParameterizedTest(name = "fileNamePart({0})")
  @CsvSource(nullValues = "NULL", value = {
      "m-bp1demo0001, m-bp1demo0001",
      "../x, _._x",
      "a b/c, a_b_c",
      "NULL, unknown",
      "'', unknown",
  })
  void fileNamesStayInert(String in, String out) {
    assertThat(Text.fileNamePart(in)).isEqualTo(out);
  }
}
