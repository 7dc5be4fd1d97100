package io.exportguard.rego.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A URL as Go's {@code net/url.Parse} splits it, with its acceptance rules and error texts
 * ({@code parse "x": first path segment in URL cannot contain colon}); OPA's {@code uri.parse} and
 * {@code providers.aws.sign_req} expose both. Escapes are decoded byte-wise as UTF-8, like Go.
 */
final class GoUrl {
  String scheme = "";
  String opaque = "";
  String userinfo = "";
  String host = "";
  String path = "";
  String rawPath = "";
  String rawQuery = "";
  String fragment = "";

  private GoUrl() {}

  /** Go's url.Error: {@code parse "<url>": <reason>}. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String url, String reason) {
      super("parse " + GoFmt.quoteString(url) + ": " + reason, null, false, false);
    }
  }

  private static final class Reason extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reason(String message) { super(message, null, false, false); }
  }

  private enum Mode { PATH, HOST, ZONE, USER_PASSWORD, FRAGMENT }

  static GoUrl parse(String raw) {
    int hash = raw.indexOf('#');
    String rest = hash < 0 ? raw : raw.substring(0, hash);
    GoUrl url;
    try {
      url = parseWithoutFragment(rest);
    } catch (Reason r) {
      throw new ParseError(rest, r.getMessage());
    }
    if (hash >= 0) {
      try {
        url.fragment = unescape(raw.substring(hash + 1), Mode.FRAGMENT);
      } catch (Reason r) {
        throw new ParseError(raw, r.getMessage());
      }
    }
    return url;
  }

  private static GoUrl parseWithoutFragment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) throw new Reason("net/url: invalid control character in URL");
    }
    GoUrl url = new GoUrl();
    if (raw.equals("*")) {
      url.path = "*";
      return url;
    }
    String rest = raw;
    int colon = schemeEnd(raw);
    if (colon == 0) throw new Reason("missing protocol scheme");
    if (colon > 0) {
      url.scheme = raw.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      rest = raw.substring(colon + 1);
    }
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        url.rawQuery = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!url.scheme.isEmpty()) {
        url.opaque = rest;
        return url;
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw new Reason("first path segment in URL cannot contain colon");
      }
    }
    if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      if (slash >= 0) authority = authority.substring(0, slash);
      url.parseAuthority(authority);
    }
    url.path = unescape(rest, Mode.PATH);
    url.rawPath = rest.equals(escape(url.path)) ? "" : rest;
    return url;
  }

  /** The index of the scheme's colon, 0 for a leading colon, -1 when there is no scheme. */
  private static int schemeEnd(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) return -1;
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private void parseAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at < 0) return;
    String info = authority.substring(0, at);
    for (int i = 0; i < info.length(); i++) {
      char c = info.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
      if (!ok) throw new Reason("net/url: invalid userinfo");
    }
    userinfo = unescape(info, Mode.USER_PASSWORD);
  }

  private static String parseHost(String host) {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) throw new Reason("missing ']' in host");
      String port = host.substring(close + 1);
      if (!validOptionalPort(port)) throw new Reason("invalid port " + GoFmt.quoteString(port) + " after host");
      int zone = host.substring(0, close).indexOf("%25");
      if (zone >= 0) {
        return unescape(host.substring(0, zone), Mode.HOST) + unescape(host.substring(zone, close), Mode.ZONE)
            + unescape(host.substring(close), Mode.HOST);
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        String port = host.substring(colon);
        if (!validOptionalPort(port)) throw new Reason("invalid port " + GoFmt.quoteString(port) + " after host");
      }
    }
    return unescape(host, Mode.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) return true;
    if (port.charAt(0) != ':') return false;
    for (int i = 1; i < port.length(); i++) if (port.charAt(i) < '0' || port.charAt(i) > '9') return false;
    return true;
  }

  /** The host without its port (and without IPv6 brackets). */
  String hostname() {
    String h = host;
    int colon = h.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(h.substring(colon))) h = h.substring(0, colon);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return h;
  }

  String port() {
    int colon = host.lastIndexOf(':');
    return colon >= 0 && validOptionalPort(host.substring(colon)) ? host.substring(colon + 1) : "";
  }

  /** Go's URL.EscapedPath: the raw path when it is a valid encoding of the path, else the path escaped. */
  String escapedPath() {
    if (!rawPath.isEmpty() && validEncoded(rawPath)) {
      try {
        if (unescape(rawPath, Mode.PATH).equals(path)) return rawPath;
      } catch (Reason ignored) {
        // fall through to escaping the decoded path
      }
    }
    return path.equals("*") ? "*" : escape(path);
  }

  private static boolean validEncoded(String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) continue;
      if (shouldEscape(c, Mode.PATH)) return false;
    }
    return true;
  }

  private static boolean shouldEscape(int c, Mode mode) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) return false;
    if (c == '-' || c == '_' || c == '.' || c == '~') return false;
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      switch (mode) {
        case PATH: return c == '?';
        case USER_PASSWORD: return c == '@' || c == '/' || c == '?' || c == ':';
        case FRAGMENT: return false;
        default: return true;
      }
    }
    if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) return false;
    return true;
  }

  /** Percent-escapes a path as Go's escape(s, encodePath). */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (shouldEscape(c, Mode.PATH)) {
        sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static String unescape(String s, Mode mode) {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      int c = in[i] & 0xFF;
      if (c == '%') {
        if (i + 2 >= in.length || Urls.hex(in[i + 1]) < 0 || Urls.hex(in[i + 2]) < 0) {
          String bad = new String(in, i, Math.min(3, in.length - i), StandardCharsets.UTF_8);
          throw new Reason("invalid URL escape " + GoFmt.quoteString(bad));
        }
        int v = Urls.hex(in[i + 1]) << 4 | Urls.hex(in[i + 2]);
        String escape = new String(in, i, 3, StandardCharsets.UTF_8);
        // In a host, %-escapes may only spell non-ASCII bytes (and %25 before a zone).
        if (mode == Mode.HOST && Urls.hex(in[i + 1]) < 8 && !escape.equals("%25")) {
          throw new Reason("invalid URL escape " + GoFmt.quoteString(escape));
        }
        if (mode == Mode.ZONE && v < 0x80 && !escape.equals("%25") && shouldEscape(v, Mode.HOST)) {
          throw new Reason("invalid URL escape " + GoFmt.quoteString(escape));
        }
        out.write(v);
        i += 2;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new Reason("invalid character " + GoFmt.quoteString(String.valueOf((char) c)) + " in host name");
        }
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
