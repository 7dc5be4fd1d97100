package io.exportguard.rego.ast;

/** Helpers over source text for error messages. */
public final class SourceText {
  private SourceText() {}

  /** The text of a 1-based line, without its line break, or null when out of range. */
  public static String line(String source, int line) {
    if (source == null || line < 1) return null;
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = source.indexOf('\n', start);
      if (nl < 0) return null;
      start = nl + 1;
    }
    int end = source.indexOf('\n', start);
    if (end < 0) end = source.length();
    if (end > start && source.charAt(end - 1) == '\r') end--;
    return source.substring(start, end);
  }
}
