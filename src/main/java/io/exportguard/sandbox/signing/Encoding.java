package io.exportguard.sandbox.signing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The percent-encodings the signatures are defined over, and a query parser that keeps order and bare keys. */
public final class Encoding {
  private Encoding() {}

  /** One query parameter; {@code value} is null for a bare key ({@code ?bucketInfo}). */
  public record Param(String key, String value) {}

  /** RPC encoding: UTF-8, unreserved {@code A-Za-z0-9-_.~} kept, everything else {@code %XY}. */
  public static String rpc(String s) {
    return v4(s, false);
  }

  /** OSS V4 encoding: unreserved {@code A-Za-z0-9-._~} kept; {@code /} kept only when asked. */
  public static String v4(String s, boolean keepSlash) {
    if (unreservedOnly(s, keepSlash)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~' || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  private static boolean unreservedOnly(String s, boolean keepSlash) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
          || c == '~' || (keepSlash && c == '/'))) {
        return false;
      }
    }
    return true;
  }

  /** Decodes a URL component; {@code +} means a space, as in form encoding. */
  public static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Decodes a path: {@code +} stays a plus. */
  public static String decodePath(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Parses a raw query string in order; {@code a&b=} gives (a, null) and (b, ""). */
  public static List<Param> parseQuery(String rawQuery) {
    List<Param> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    int start = 0;
    int len = rawQuery.length();
    while (start <= len) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? len : amp;
      if (end > start) {
        String part = rawQuery.substring(start, end);
        int eq = part.indexOf('=');
        if (eq < 0) {
          out.add(new Param(decode(part), null));
        } else {
          out.add(new Param(decode(part.substring(0, eq)), decode(part.substring(eq + 1))));
        }
      }
      if (amp < 0) {
        break;
      }
      start = amp + 1;
    }
    return out;
  }
}
