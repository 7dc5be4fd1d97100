package io.exportguard.rego.builtins;

/**
 * Splits GraphQL source into tokens the way OPA's embedded parser (gqlparser) does, so that its error
 * texts and positions come out the same: columns count code points, commas are whitespace, comments
 * are skipped, and a lexical error yields an {@code <Invalid>} token carrying the error, which the
 * parser reports only when it consumes that token.
 */
final class GraphQlLexer {

  enum Kind {
    INVALID("<Invalid>"), EOF("<EOF>"), BANG("!"), DOLLAR("$"), AMP("&"), PAREN_L("("), PAREN_R(")"),
    SPREAD("..."), COLON(":"), EQUALS("="), AT("@"), BRACKET_L("["), BRACKET_R("]"), BRACE_L("{"),
    BRACE_R("}"), PIPE("|"), NAME("Name"), INT("Int"), FLOAT("Float"), STRING("String"),
    BLOCK_STRING("BlockString");

    final String text;

    Kind(String text) { this.text = text; }

    @Override public String toString() { return text; }
  }

  /** One token; {@code error} is set on {@link Kind#INVALID} tokens. */
  record Token(Kind kind, String value, int line, int column, GraphQlError error) {
    /** gqlparser's description: the kind, then the quoted value when there is one. */
    String describe() { return value.isEmpty() ? kind.text : kind.text + " " + GoFmt.quoteString(value); }
  }

  private final int[] input;
  private int start;
  private int end;
  private int line = 1;
  private int lineStart;

  GraphQlLexer(String source) { this.input = source.codePoints().toArray(); }

  Token next() {
    skipWhitespace();
    start = end;
    if (end >= input.length) return token(Kind.EOF, "");
    int c = input[end++];
    switch (c) {
      case '!': return token(Kind.BANG, "");
      case '$': return token(Kind.DOLLAR, "");
      case '&': return token(Kind.AMP, "");
      case '(': return token(Kind.PAREN_L, "");
      case ')': return token(Kind.PAREN_R, "");
      case ':': return token(Kind.COLON, "");
      case '=': return token(Kind.EQUALS, "");
      case '@': return token(Kind.AT, "");
      case '[': return token(Kind.BRACKET_L, "");
      case ']': return token(Kind.BRACKET_R, "");
      case '{': return token(Kind.BRACE_L, "");
      case '}': return token(Kind.BRACE_R, "");
      case '|': return token(Kind.PIPE, "");
      case '.':
        if (at(start + 1) == '.' && at(start + 2) == '.') {
          end += 2;
          return token(Kind.SPREAD, "");
        }
        break;
      case '#':
        skipComment();
        return next();
      case '"':
        return at(start + 1) == '"' && at(start + 2) == '"' ? blockString() : string();
      default:
        if (isNameStart(c)) return name();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
    }
    end--;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return error(String.format("Cannot contain the invalid character \"\\u%04d\"", c));
    }
    if (c == '\'') return error("Unexpected single quote character ('), did you mean to use a double quote (\")?");
    return error("Cannot parse the unexpected character \"" + firstUtf8ByteAsChar(c) + "\".");
  }

  /** gqlparser reads the first byte of the character and prints it as if it were a code point. */
  private static String firstUtf8ByteAsChar(int c) {
    if (c < 0x80) return new String(Character.toChars(c));
    byte first = new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)[0];
    return String.valueOf((char) (first & 0xFF));
  }

  private int at(int i) { return i < input.length ? input[i] : -1; }

  private Token token(Kind kind, String value) {
    return new Token(kind, value, line, start - lineStart + 1, null);
  }

  private Token error(String message) {
    int column = end - lineStart + 1;
    return new Token(Kind.INVALID, "", line, column, new GraphQlError(line, column, message));
  }

  private void skipWhitespace() {
    while (end < input.length) {
      int c = input[end];
      if (c == '\t' || c == ' ' || c == ',' || c == 0xFEFF) {
        end++;
      } else if (c == '\n') {
        end++;
        newLine();
      } else if (c == '\r') {
        end++;
        newLine();
        if (at(end) == '\n') end++;
      } else {
        return;
      }
    }
  }

  private void newLine() {
    line++;
    lineStart = end;
  }

  private void skipComment() {
    while (end < input.length && (input[end] > 0x1f || input[end] == '\t')) end++;
  }

  private static boolean isNameStart(int c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  private Token name() {
    while (end < input.length && (isNameStart(input[end]) || (input[end] >= '0' && input[end] <= '9'))) end++;
    return token(Kind.NAME, text(start, end));
  }

  private Token number() {
    end--;
    boolean isFloat = false;
    accept('-');
    if (accept('0')) {
      int consumed = digits();
      if (consumed != 0) {
        end -= consumed;
        return error("Invalid number, unexpected digit after 0: " + describeNext() + ".");
      }
    } else if (digits() == 0) {
      return error("Invalid number, expected digit but got: " + describeNext() + ".");
    }
    if (accept('.')) {
      isFloat = true;
      if (digits() == 0) return error("Invalid number, expected digit but got: " + describeNext() + ".");
    }
    if (accept('e') || accept('E')) {
      isFloat = true;
      if (!accept('-')) accept('+');
      if (digits() == 0) return error("Invalid number, expected digit but got: " + describeNext() + ".");
    }
    return token(isFloat ? Kind.FLOAT : Kind.INT, text(start, end));
  }

  private boolean accept(int c) {
    if (at(end) != c) return false;
    end++;
    return true;
  }

  private int digits() {
    int n = 0;
    while (end < input.length && input[end] >= '0' && input[end] <= '9') {
      end++;
      n++;
    }
    return n;
  }

  private String describeNext() {
    return end < input.length ? "\"" + firstUtf8ByteAsChar(input[end]) + "\"" : "<EOF>";
  }

  private Token string() {
    start++;
    StringBuilder value = new StringBuilder();
    while (end < input.length) {
      int c = input[end];
      if (c == '\n' || c == '\r') break;
      if (c < 0x20 && c != '\t') return error(String.format("Invalid character within String: \"\\u%04d\".", c));
      if (c == '"') {
        Token t = token(Kind.STRING, value.toString());
        end++;
        return t;
      }
      if (c != '\\') {
        value.appendCodePoint(c);
        end++;
        continue;
      }
      if (end + 1 >= input.length) {
        end++;
        return error("Invalid character escape sequence.");
      }
      int escape = input[end + 1];
      if (escape == 'u') {
        if (end + 6 >= input.length) {
          end++;
          return error("Invalid character escape sequence: \\" + text(end, input.length) + ".");
        }
        int r = unhex(end + 2);
        if (r < 0) {
          end++;
          return error("Invalid character escape sequence: \\" + text(end, end + 5) + ".");
        }
        value.appendCodePoint(r);
        end += 6;
        continue;
      }
      switch (escape) {
        case '"': case '/': case '\\': value.appendCodePoint(escape); break;
        case 'b': value.append('\b'); break;
        case 'f': value.append('\f'); break;
        case 'n': value.append('\n'); break;
        case 'r': value.append('\r'); break;
        case 't': value.append('\t'); break;
        default:
          end++;
          return error("Invalid character escape sequence: \\" + new String(Character.toChars(escape)) + ".");
      }
      end += 2;
    }
    return error("Unterminated string.");
  }

  private int unhex(int from) {
    int v = 0;
    for (int i = from; i < from + 4; i++) {
      int c = input[i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = (v << 4) | d;
    }
    return v;
  }

  private Token blockString() {
    start += 3;
    end += 2;
    StringBuilder raw = new StringBuilder();
    while (end < input.length) {
      int c = input[end];
      if (c == '"' && at(end + 1) == '"' && at(end + 2) == '"') {
        Token t = token(Kind.BLOCK_STRING, blockStringValue(raw.toString()));
        end += 3;
        return t;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return error(String.format("Invalid character within String: \"\\u%04d\".", c));
      }
      if (c == '\\' && at(end + 1) == '"' && at(end + 2) == '"' && at(end + 3) == '"') {
        raw.append("\"\"\"");
        end += 4;
      } else if (c == '\r') {
        if (at(end + 1) == '\n') end++;
        raw.append('\n');
        end++;
        newLine();
      } else {
        raw.appendCodePoint(c);
        end++;
        if (c == '\n') newLine();
      }
    }
    return error("Unterminated string.");
  }

  /**
   * The spec's BlockStringValue as gqlparser computes it: the common indentation (gqlparser includes
   * the first line when measuring it) is removed from every line but the first, and leading and
   * trailing blank lines are dropped.
   */
  static String blockStringValue(String raw) {
    String[] lines = raw.split("\n", -1);
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      int indent = leadingWhitespace(l);
      if (indent < l.length() && indent < common) {
        common = indent;
        if (common == 0) break;
      }
    }
    if (common != Integer.MAX_VALUE) {
      for (int i = 1; i < lines.length; i++) lines[i] = lines[i].length() < common ? "" : lines[i].substring(common);
    }
    int first = 0;
    int last = lines.length;
    while (first < last && leadingWhitespace(lines[first]) == Integer.MAX_VALUE) first++;
    while (first < last && leadingWhitespace(lines[last - 1]) == Integer.MAX_VALUE) last--;
    return String.join("\n", java.util.Arrays.asList(lines).subList(first, last));
  }

  private static int leadingWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != ' ' && s.charAt(i) != '\t') return i;
    }
    return Integer.MAX_VALUE;
  }

  private String text(int from, int to) { return new String(input, from, Math.min(to, input.length) - from); }
}
