package io.exportguard.report.internal;

/**
 * Makes untrusted strings (anything that came from the cloud, a policy or a user) safe for one
 * output syntax. Each method returns "" for null, so templates need no null checks.
 */
public final class Text {
  private Text() {}

  /**
   * For a terminal: control characters (ESC sequences could recolour or rewrite the screen), line
   * breaks and bidirectional overrides are shown as {@code \\uXXXX} escapes instead of acting.
   */
  public static String terminal(String s) {
    if (s == null) return "";
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = null;
      if (c == '\n') replacement = "\\n";
      else if (c == '\r') replacement = "\\r";
      else if (c == '\t') replacement = " ";
      else if (Character.isISOControl(c) || isBidiControl(c)) replacement = String.format("\\u%04x", (int) c);
      if (replacement != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
      if (b != null) {
        if (replacement != null) b.append(replacement);
        else b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * For XML 1.0 text and attribute values: escapes the five markup characters (so {@code ]]>}
   * cannot end anything) and line breaks in attributes, and drops characters XML 1.0 cannot carry
   * (most C0 controls, lone surrogates, U+FFFE/U+FFFF) by writing U+FFFD in their place.
   */
  public static String xml(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\n' -> b.append("&#10;");
        case '\r' -> b.append("&#13;");
        case '\t' -> b.append("&#9;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Like {@link #xml} but keeps line breaks literal, for element content such as system-out. */
  public static String xmlText(String s) {
    return xml(s).replace("&#10;", "\n").replace("&#9;", "\t").replace("&#13;", "");
  }

  /**
   * For inline Markdown (a table cell, a list item): characters that could start emphasis, code, a
   * link or image, an HTML tag or end a table cell are backslash-escaped or written as entities; a
   * leading character that could open a block (heading, list, quote) is escaped; line breaks become
   * {@code <br>} so a cell stays on one row; {@code @} gets a zero-width space so a cloud string
   * cannot mention people in a pull-request comment, and {@code ://} and {@code www.} are broken up
   * so a URL cannot become an autolink.
   */
  public static String markdownInline(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '|' -> b.append("&#124;");
        case '@' -> b.append("@\u200B");
        case '\r' -> { }
        case '\n' -> b.append("<br>");
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '!', '~' -> b.append('\\').append(c);
        case ':' -> b.append(s.startsWith("//", i + 1) ? "\\:" : ":");
        case '.' -> b.append(i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3) ? "\\." : ".");
        default -> {
          if (Character.isISOControl(c) || isBidiControl(c)) {
            b.append("&#x").append(Integer.toHexString(c)).append(';');
          } else if (b.length() == 0 && (c == '#' || c == '-' || c == '+' || c == '=')) {
            b.append('\\').append(c);
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * A fenced Markdown code block that {@code content} cannot close: the fence is one backtick
   * longer than the longest backtick run inside (CommonMark). Nothing in a code block is markup.
   */
  public static String markdownCodeBlock(String content, String language) {
    String body = visibleLines(content);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < body.length(); i++) {
      run = body.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return fence + (language == null ? "" : language) + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
  }

  /**
   * Text for a code block: CR dropped, control characters other than newline and tab and
   * bidirectional overrides shown as U+FFFD, so a block cannot reorder or hide its own content.
   */
  public static String visibleLines(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') continue;
      boolean hidden = (Character.isISOControl(c) && c != '\n' && c != '\t') || isBidiControl(c);
      b.append(hidden ? '\uFFFD' : c);
    }
    return b.toString();
  }

  /** Keeps file names to a portable, inert alphabet: anything else becomes '_'. */
  public static String fileNamePart(String s) {
    if (s == null || s.isBlank()) return "unknown";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 100; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || (c == '.' && b.length() > 0);
      b.append(ok ? c : '_');
    }
    return b.toString();
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
        || c == '\u061C';
  }
}
