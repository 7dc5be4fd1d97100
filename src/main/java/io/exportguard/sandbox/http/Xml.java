package io.exportguard.sandbox.http;

import java.nio.charset.StandardCharsets;

/**
 * A small XML writer for the OSS replies. Text is always escaped; characters XML 1.0 cannot carry
 * at all (most control characters) are replaced with U+FFFD so the SDK's parser never fails.
 */
public final class Xml {
  private final StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  public Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  public Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** An element with text; null text writes an empty element. */
  public Xml leaf(String name, Object text) {
    out.append('<').append(name).append('>');
    if (text != null) {
      escape(String.valueOf(text), out);
    }
    out.append("</").append(name).append('>');
    return this;
  }

  public byte[] bytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
