package io.exportguard.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The writers by format name. The names are the writers' own ({@code FORMAT} of each writer class,
 * what its {@link ReportWriter#format()} returns): this registry, the help text and the error
 * messages all derive from them, so a new format is one class, its name in {@link #FORMATS} and
 * its case in {@link #make}.
 */
public final class ReportWriters {

  /** How the console writer prints: colour, and every passing check or one line for them. */
  public record ConsoleStyle(boolean colour, boolean verbose) {}

  /** Every format name, in the order the help text lists them. */
  public static final List<String> FORMATS = List.of(JsonReportWriter.FORMAT, HtmlReportWriter.FORMAT,
      SarifReportWriter.FORMAT, JunitReportWriter.FORMAT, MarkdownReportWriter.FORMAT, ConsoleReportWriter.FORMAT,
      JsonLinesReportWriter.FORMAT);

  private ReportWriters() {}

  /**
   * The writer of a format name of {@link #FORMATS}, else null. A switch rather than a map of
   * lambdas: every run picks its writers before its first cloud call, and linking seven lambdas
   * costs more than the choice.
   */
  private static ReportWriter make(String format, ConsoleStyle style) {
    return switch (format) {
      case JsonReportWriter.FORMAT -> new JsonReportWriter();
      case HtmlReportWriter.FORMAT -> new HtmlReportWriter();
      case SarifReportWriter.FORMAT -> new SarifReportWriter();
      case JunitReportWriter.FORMAT -> new JunitReportWriter();
      case MarkdownReportWriter.FORMAT -> new MarkdownReportWriter();
      case ConsoleReportWriter.FORMAT -> new ConsoleReportWriter(style.colour(), style.verbose());
      case JsonLinesReportWriter.FORMAT -> new JsonLinesReportWriter();
      default -> null;
    };
  }

  /**
   * The writer for one format name (case-insensitive).
   *
   * @param consoleColour whether the console writer colours its output (ignored by the others)
   * @throws UnknownReportFormatException when the name is not one of {@link #FORMATS}
   */
  public static ReportWriter forName(String name, boolean consoleColour) {
    return forName(name, new ConsoleStyle(consoleColour, false));
  }

  private static ReportWriter forName(String name, ConsoleStyle style) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    ReportWriter writer = make(key, style);
    if (writer == null) {
      throw new UnknownReportFormatException("unknown report format '" + (name == null ? "" : name.trim())
          + "' in --report; expected a comma list of " + String.join(",", FORMATS));
    }
    return writer;
  }

  /**
   * The writers for a {@code --report} value such as {@code console,json}: in the order given,
   * duplicates dropped.
   *
   * @throws UnknownReportFormatException when a name is unknown or the list is empty
   */
  public static List<ReportWriter> forList(String commaList, boolean consoleColour) {
    return forList(commaList, consoleColour, false);
  }

  /** {@link #forList(String, boolean)} with the console listing every passing check when {@code verbose}. */
  public static List<ReportWriter> forList(String commaList, boolean consoleColour, boolean verbose) {
    if (commaList == null || commaList.isBlank()) {
      throw new UnknownReportFormatException(
          "--report needs at least one format; expected a comma list of " + String.join(",", FORMATS));
    }
    Set<String> seen = new LinkedHashSet<>();
    List<ReportWriter> writers = new ArrayList<>();
    for (String part : commaList.split(",", -1)) {
      ReportWriter w = forName(part, new ConsoleStyle(consoleColour, verbose));
      if (seen.add(w.format())) writers.add(w);
    }
    return writers;
  }

  /** The format names as picocli completion candidates, for {@code ${COMPLETION-CANDIDATES}} in help texts. */
  public static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() { return FORMATS.iterator(); }
  }
}
