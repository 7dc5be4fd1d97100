package io.exportguard.policy.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the path of a module's {@code package} declaration without compiling it, so a bundle's
 * roots can be checked before its modules meet the other bundles' (a module may call functions
 * of another). Handles comments, dotted names and bracketed strings ({@code package a["b-c"].d}).
 */
public final class PackagePath {
  private PackagePath() {}

  /** The package's segments below {@code data}, or null when the text declares no package. */
  public static List<String> of(String source) {
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && source.charAt(i) != '\n') i++;
      } else if (source.startsWith("package", i) && i + 7 < n && Character.isWhitespace(source.charAt(i + 7))) {
        return parseRef(source, i + 7);
      } else {
        return null;
      }
    }
    return null;
  }

  private static List<String> parseRef(String s, int i) {
    int n = s.length();
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        word.append(c);
        i++;
      } else if (c == '.') {
        flush(word, out);
        i++;
      } else if (c == '[' && i + 1 < n && s.charAt(i + 1) == '"') {
        flush(word, out);
        int end = s.indexOf("\"]", i + 2);
        if (end < 0) return null;
        out.add(s.substring(i + 2, end));
        i = end + 2;
      } else {
        break;
      }
    }
    flush(word, out);
    return out.isEmpty() ? null : out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }
}
