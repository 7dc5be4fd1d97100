package io.exportguard.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's net/url query escaping and parsing. */
final class Urls {
  private Urls() {}

  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
      }
    }
    return sb.toString();
  }

  static String queryUnescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      int c = in[i] & 0xFF;
      if (c == '%') {
        if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
          String bad = s.substring(s.indexOf('%', charIndex(s, i)));
          bad = bad.substring(0, Math.min(3, bad.length()));
          throw Args.fail("invalid URL escape " + GoFmt.quoteString(bad));
        }
        out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
        i += 2;
      } else if (c == '+') {
        out.write(' ');
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int charIndex(String s, int byteIndex) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      if (bytes >= byteIndex) return i;
      int cp = s.codePointAt(i);
      bytes += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (Character.charCount(cp) == 2) i++;
    }
    return s.length();
  }

  /** The value of a hex digit, -1 for any other byte. */
  static int hex(byte b) {
    int c = b & 0xFF;
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /** url.ParseQuery: the first error fails the whole call, as OPA returns it. */
  static Map<String, List<String>> parseQuery(String q) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    BuiltinException first = null;
    for (String part : q.split("&", -1)) {
      if (part.contains(";")) {
        if (first == null) first = Args.fail("invalid semicolon separator in query");
        continue;
      }
      if (part.isEmpty()) continue;
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      try {
        k = queryUnescape(k);
        v = queryUnescape(v);
      } catch (BuiltinException e) {
        if (first == null) first = e;
        continue;
      }
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    if (first != null) throw first;
    return out;
  }
}
