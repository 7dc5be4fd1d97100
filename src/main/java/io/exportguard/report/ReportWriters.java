package io.exportguard.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The writers by format name. The names are the writers' own ({@code FORMAT} of each writer class,
 * what its {@link ReportWriter#format()} returns): this registry, the help text and the error
 * messages all derive from them, so a new format is one class and one line here.
 */
public final class ReportWriters {

  /** Each writer by its name, in the order the help text lists them; the argument is whether the console may colour. */
  private static final Map<String, Function<Boolean, ReportWriter>> BY_NAME = registry();

  /** Every format name, in the order the help text lists them. */
  public static final List<String> FORMATS = List.copyOf(BY_NAME.keySet());

  private ReportWriters() {}

  private static Map<String, Function<Boolean, ReportWriter>> registry() {
    Map<String, Function<Boolean, ReportWriter>> m = new LinkedHashMap<>();
    m.put(JsonReportWriter.FORMAT, colour -> new JsonReportWriter());
    m.put(HtmlReportWriter.FORMAT, colour -> new HtmlReportWriter());
    m.put(SarifReportWriter.FORMAT, colour -> new SarifReportWriter());
    m.put(JunitReportWriter.FORMAT, colour -> new JunitReportWriter());
    m.put(MarkdownReportWriter.FORMAT, colour -> new MarkdownReportWriter());
    m.put(ConsoleReportWriter.FORMAT, ConsoleReportWriter::new);
    m.put(JsonLinesReportWriter.FORMAT, colour -> new JsonLinesReportWriter());
    return m;
  }

  /**
   * The writer for one format name (case-insensitive).
   *
   * @param consoleColour whether the console writer colours its output (ignored by the others)
   * @throws UnknownReportFormatException when the name is not one of {@link #FORMATS}
   */
  public static ReportWriter forName(String name, boolean consoleColour) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    Function<Boolean, ReportWriter> make = BY_NAME.get(key);
    if (make == null) {
      throw new UnknownReportFormatException("unknown report format '" + (name == null ? "" : name.trim())
          + "' in --report; expected a comma list of " + String.join(",", FORMATS));
    }
    return make.apply(consoleColour);
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

  /** The format names as picocli completion candidates, for {@code ${COMPLETION-CANDIDATES}} in help texts. */
  public static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() { return FORMATS.iterator(); }
  }
}
