package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportWritersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "json, .json", "html, .html", "sarif, .sarif", "junit, .xml", "md, .md", "JSON, .json", "' html ', .html",
  })
  void eachFormatHasItsWriterAndExtension(String name, String extension) {
    ReportWriter w = ReportWriters.forName(name, false);
    assertThat(w.format()).isEqualTo(name.trim().toLowerCase());
    assertThat(w.extension()).isEqualTo(extension);
  }

  @Test
  void consoleWritesNoFile() {
    assertThat(ReportWriters.forName("console", true).extension()).isNull();
  }

  @Test
  void everyListedFormatIsKnown() {
    for (String f : ReportWriters.FORMATS) assertThat(ReportWriters.forName(f, false).format()).isEqualTo(f);
  }

  @Test
  void aListKeepsOrderAndDropsDuplicates() {
    List<ReportWriter> writers = ReportWriters.forList("console,json,console,md", false);
    assertThat(writers).extracting(ReportWriter::format).containsExactly("console", "json", "md");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "json,pdf", "json,", "", " "})
  void unknownOrEmptyNamesAreUsageErrors(String list) {
    assertThatThrownBy(() -> ReportWriters.forList(list, false))
        .isInstanceOf(UnknownReportFormatException.class)
        .hasMessageContaining("json,html,sarif,junit,md,console");
  }

  @Test
  void theMessageNamesTheBadFormat() {
    assertThatThrownBy(() -> ReportWriters.forList("json,pdf", false)).hasMessageContaining("'pdf'");
  }
}
