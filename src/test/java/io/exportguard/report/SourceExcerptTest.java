package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceExcerptTest {
  @Test
  void pointsAtTheColumnUnderTheLine() {
    assertThat(SourceExcerpt.format("a.json", 3, 8, "not JSON: unexpected }", "  \"b\": }"))
        .isEqualTo("a.json:3:8: not JSON: unexpected }\n  \"b\": }\n       ^");
  }

  @Test
  void tabsBecomeSpacesSoTheCaretLinesUp() {
    assertThat(SourceExcerpt.format("t.yaml", 1, 3, "bad", "\t\tx")).endsWith("\n  x\n  ^");
  }

  @Test
  void aLongLineIsShownAroundTheColumn() {
    String line = "a".repeat(500) + "X" + "b".repeat(500);
    String[] out = SourceExcerpt.format("min.json", 1, 501, "here", line).split("\n");
    assertThat(out[1]).startsWith("...").endsWith("...").contains("X").hasSize(3 + 2 * SourceExcerpt.CONTEXT + 3);
    assertThat(out[2].indexOf('^')).isEqualTo(out[1].indexOf('X'));
  }

  @Test
  void withoutAPositionOnlyTheFileAndMessage() {
    assertThat(SourceExcerpt.format("p.rego", 0, 0, "no such file", "ignored")).isEqualTo("p.rego: no such file");
    assertThat(SourceExcerpt.format("p.rego", 2, 0, "x", null)).isEqualTo("p.rego:2:1: x");
  }

  @Test
  void linesEndAtLfCrLfOrCr() {
    String text = "one\r\ntwo\rthree\nfour";
    assertThat(SourceExcerpt.line(text, 1)).isEqualTo("one");
    assertThat(SourceExcerpt.line(text, 2)).isEqualTo("two");
    assertThat(SourceExcerpt.line(text, 3)).isEqualTo("three");
    assertThat(SourceExcerpt.line(text, 4)).isEqualTo("four");
    assertThat(SourceExcerpt.line(text, 5)).isNull();
    assertThat(SourceExcerpt.line(text, 0)).isNull();
  }
}
