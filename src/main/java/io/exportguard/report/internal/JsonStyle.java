package io.exportguard.report.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/** The one JSON layout every JSON-based report uses, so diffs of golden files and samples stay small. */
public final class JsonStyle {
  private JsonStyle() {}

  /** A factory that writes characters outside the BMP (emoji, rare CJK) as UTF-8, not as escaped surrogate pairs. */
  public static JsonFactory factory() {
    return JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  }

  /** Two-space indent, {@code "name": value}, {@code []} and {@code {}} for empty containers. */
  public static DefaultPrettyPrinter printer() {
    return new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  }
}
