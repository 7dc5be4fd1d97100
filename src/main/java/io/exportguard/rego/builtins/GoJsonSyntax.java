package io.exportguard.rego.builtins;

import java.nio.charset.StandardCharsets;

/**
 * Go's encoding/json syntax check ({@code json.Valid}, and the first error {@code json.Unmarshal}
 * reports): a byte-wise scanner with Go's messages, e.g. {@code invalid character 'e' looking for
 * beginning of value} or {@code unexpected end of JSON input}. Policies see these texts in
 * {@code json.unmarshal} and {@code io.jwt.encode_sign_raw} errors.
 */
final class GoJsonSyntax {
  private final byte[] in;
  private int pos;
  private int depth;

  private GoJsonSyntax(byte[] in) { this.in = in; }

  /** The error Go reports for the text, or null when it is one valid JSON value. */
  static String error(String text) {
    GoJsonSyntax s = new GoJsonSyntax(text.getBytes(StandardCharsets.UTF_8));
    try {
      s.skipSpace();
      s.value();
      s.skipSpace();
      if (s.pos < s.in.length) throw s.invalid("after top-level value");
      return null;
    } catch (Invalid e) {
      return e.getMessage();
    }
  }

  /**
   * What OPA's json.unmarshal reports (a Go json.Decoder reading one value, then peeking at the next
   * token): null when the text holds one value, else Go's message ({@code EOF}, {@code unexpected EOF},
   * a syntax error, or {@code error: invalid character 'x' after top-level value}). {@code valueEnd[0]}
   * receives the end of the first value, whose text is what gets decoded.
   */
  static String decoderError(String text, int[] valueEnd) {
    GoJsonSyntax s = new GoJsonSyntax(text.getBytes(StandardCharsets.UTF_8));
    s.skipSpace();
    if (s.pos >= s.in.length) return "EOF";
    try {
      s.value();
    } catch (Invalid e) {
      return s.pos >= s.in.length ? "unexpected EOF" : e.getMessage();
    }
    valueEnd[0] = new String(s.in, 0, s.pos, StandardCharsets.UTF_8).length();
    s.skipSpace();
    if (s.pos >= s.in.length) return null;
    int start = s.pos;
    int c = s.peek();
    if (c == '{' || c == '[') return "error: invalid character '" + (char) c + "' after top-level value";
    if (c == 'n') return null; // Go's Token() yields a nil token for null, which OPA does not notice
    if (c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f') {
      try {
        s.value();
      } catch (Invalid e) {
        return s.pos >= s.in.length ? "unexpected EOF" : e.getMessage();
      }
      String token = new String(s.in, start, s.pos - start, StandardCharsets.UTF_8);
      if (c == 't' || c == 'f') token = "%!s(bool=" + token + ")";
      else if (c == '"') token = token.substring(1, token.length() - 1);
      return "error: invalid character '" + token + "' after top-level value";
    }
    return s.invalid("looking for beginning of value").getMessage();
  }

  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) { super(message, null, false, false); }
  }

  private Invalid invalid(String context) {
    if (pos >= in.length) return new Invalid("unexpected end of JSON input");
    return new Invalid("invalid character " + quoteChar(in[pos] & 0xFF) + " " + context);
  }

  /** Go's quoteChar: the byte as a one-character Go literal in single quotes. */
  private static String quoteChar(int c) {
    if (c == '\'') return "'\\''";
    if (c == '"') return "'\"'";
    String q = GoFmt.quoteString(String.valueOf((char) c));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }

  private int peek() { return pos < in.length ? in[pos] & 0xFF : -1; }

  private void skipSpace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) pos++;
  }

  private void value() {
    if (++depth > 10_000) throw new Invalid("exceeded max depth");
    int c = peek();
    switch (c) {
      case '{': object(); break;
      case '[': array(); break;
      case '"': string(); break;
      case 't': literal("true"); break;
      case 'f': literal("false"); break;
      case 'n': literal("null"); break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) number();
        else throw invalid("looking for beginning of value");
    }
    depth--;
  }

  private void object() {
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      if (peek() != '"') throw invalid("looking for beginning of object key string");
      string();
      skipSpace();
      if (peek() != ':') throw invalid("after object key");
      pos++;
      skipSpace();
      value();
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
        continue;
      }
      if (peek() == '}') {
        pos++;
        return;
      }
      throw invalid("after object key:value pair");
    }
  }

  private void array() {
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      value();
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
        continue;
      }
      if (peek() == ']') {
        pos++;
        return;
      }
      throw invalid("after array element");
    }
  }

  private void string() {
    pos++;
    while (true) {
      int c = peek();
      if (c == '"') {
        pos++;
        return;
      }
      if (c < 0) throw invalid("in string literal");
      if (c < 0x20) throw invalid("in string literal");
      if (c == '\\') {
        pos++;
        int e = peek();
        if ("\"\\/bfnrt".indexOf(e) >= 0 && e >= 0) {
          pos++;
        } else if (e == 'u') {
          pos++;
          for (int i = 0; i < 4; i++) {
            int h = peek();
            boolean hex = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
            if (!hex) throw invalid("in \\u hexadecimal character escape");
            pos++;
          }
        } else {
          throw invalid("in string escape code");
        }
        continue;
      }
      pos++;
    }
  }

  private void literal(String word) {
    pos++;
    for (int i = 1; i < word.length(); i++) {
      if (peek() != word.charAt(i)) throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
      pos++;
    }
  }

  private void number() {
    if (peek() == '-') {
      pos++;
      if (!(peek() >= '0' && peek() <= '9')) throw invalid("in numeric literal");
    }
    if (peek() == '0') {
      pos++;
    } else {
      while (peek() >= '0' && peek() <= '9') pos++;
    }
    if (peek() == '.') {
      pos++;
      if (!(peek() >= '0' && peek() <= '9')) throw invalid("after decimal point in numeric literal");
      while (peek() >= '0' && peek() <= '9') pos++;
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') pos++;
      if (!(peek() >= '0' && peek() <= '9')) throw invalid("in exponent of numeric literal");
      while (peek() >= '0' && peek() <= '9') pos++;
    }
  }
}
