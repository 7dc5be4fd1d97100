package io.exportguard.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The factory keyed by format name: {@code json, html, sarif, junit, md, console}. */
public final class ReportWriters {

  /** Every format name, in the order the help text lists them. */
  public static final List<String> FORMATS = List.of("json", "html", "sarif", "junit", "md", "console");

  private ReportWriters() {}

  /**
   * The writer for one format name (case-insensitive).
   *
   * @param consoleColour whether the console writer colours its output (ignored by the others)
   * @throws UnknownReportFormatException when the name is not one of {@link #FORMATS}
   */
  public static ReportWriter forName(String name, boolean consoleColour) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "json" -> new JsonReportWriter();
      case "html" -> new HtmlReportWriter();
      case "sarif" -> new SarifReportWriter();
      case "junit" -> new JunitReportWriter();
      case "md" -> new MarkdownReportWriter();
      case "console" -> new ConsoleReportWriter(consoleColour);
      default -> throw new UnknownReportFormatException(
          "unknown report format '" + (name == null ? "" : name.trim()) + "' in --report; expected a comma list of "
              + String.join(",", FORMATS));
    };
  }

  /**
   * The writers for a {@code --report} value such as {@code console,json}: in the order given,
   * duplicates dropped.
   *
   * @throws UnknownReportFormatException when a name is unknown or the list is empty
   */
  public static List<ReportWriter> forList(String commaList, boolean consoleColour) {
    if (commaList == null || commaList.isBlank()) {
      throw new UnknownReportFormatException(
          "--report needs at least one format; expected a comma list of " + String.join(",", FORMATS));
    }
    Set<String> seen = new LinkedHashSet<>();
    List<ReportWriter> writers = new ArrayList<>();
    for (String part : commaList.split(",", -1)) {
      ReportWriter w = forName(part, consoleColour);
      if (seen.add(w.format())) writers.add(w);
    }
    return writers;
  }
}
