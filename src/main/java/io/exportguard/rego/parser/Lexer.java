package io.exportguard.rego.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Rego source into tokens and comments. Never throws: bad input becomes an
 * {@link TokenKind#ILLEGAL} token plus an entry in {@link #errors()}.
 */
public final class Lexer {
  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private final List<LexError> errors = new ArrayList<>();
  /**
   * One entry per template string expression being read ({@code $"a {x} b"} while inside the
   * braces): the count of braces opened inside it, and whether the string is raw.
   */
  private final java.util.ArrayDeque<int[]> templates = new java.util.ArrayDeque<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  /** A lexical error at a position. */
  public record LexError(String message, int line, int column) {}

  public Lexer(String src) {
    this.src = src;
  }

  /** Tokenizes everything; the last token is EOF. */
  public List<Token> tokenize() {
    boolean nl = false;
    boolean ws = false;
    while (true) {
      int before = pos;
      boolean sawNl = skipSpaceAndComments();
      nl |= sawNl;
      ws |= pos > before;
      if (pos >= src.length()) {
        tokens.add(new Token(TokenKind.EOF, "", line, col(pos), pos, nl, ws));
        return tokens;
      }
      next(nl, ws);
      nl = false;
      ws = false;
    }
  }

  public List<LexError> errors() { return errors; }

  List<Comment> comments() { return comments; }

  private int col(int p) { return p - lineStart + 1; }

  private boolean skipSpaceAndComments() {
    boolean nl = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        nl = true;
        pos++;
        line++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        pos++;
      } else if (c == '#') {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        String text = src.substring(start + 1, pos);
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        comments.add(new Comment(text, line, col(start)));
      } else {
        break;
      }
    }
    return nl;
  }

  private Token tok(TokenKind k, String text, int start, int startLine, int startCol, boolean nl, boolean ws) {
    return new Token(k, text, startLine, startCol, start, nl, ws);
  }

  private void next(boolean nl, boolean ws) {
    int start = pos;
    int startLine = line;
    int startCol = col(pos);
    char c = src.charAt(pos);
    if (c == '}' && !templates.isEmpty() && templates.peek()[0] == 0) {
      // The brace closes a template string expression: the string's text continues after it.
      boolean raw = templates.pop()[1] == 1;
      pos++;
      tokens.add(tok(TokenKind.RBRACE, "}", start, startLine, startCol, nl, ws));
      tokens.add(templateText(raw, pos, line, col(pos)));
      return;
    }
    if (!templates.isEmpty()) {
      if (c == '{') templates.peek()[0]++;
      else if (c == '}') templates.peek()[0]--;
    }
    tokens.add(token(c, start, startLine, startCol, nl, ws));
  }

  private Token token(char c, int start, int startLine, int startCol, boolean nl, boolean ws) {
    if (isIdentStart(c)) {
      while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
      String word = src.substring(start, pos);
      return tok(TokenKind.keyword(word), word, start, startLine, startCol, nl, ws);
    }
    if (c >= '0' && c <= '9') return number(start, startLine, startCol, nl, ws);
    if (c == '"') return string(start, startLine, startCol, nl, ws);
    if (c == '`') return rawString(start, startLine, startCol, nl, ws);
    if (c == '$') {
      char d = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
      if (d == '"' || d == '`') {
        pos += 2;
        Token t = templateText(d == '`', start, startLine, startCol);
        return new Token(t.kind(), t.text(), t.line(), t.column(), t.offset(), nl, ws);
      }
      pos++;
      errors.add(new LexError("illegal $ character", startLine, startCol));
      return tok(TokenKind.ILLEGAL, "$", start, startLine, startCol, nl, ws);
    }
    pos++;
    char d = pos < src.length() ? src.charAt(pos) : '\0';
    TokenKind k;
    switch (c) {
      case '{' -> k = TokenKind.LBRACE;
      case '}' -> k = TokenKind.RBRACE;
      case '[' -> k = TokenKind.LBRACK;
      case ']' -> k = TokenKind.RBRACK;
      case '(' -> k = TokenKind.LPAREN;
      case ')' -> k = TokenKind.RPAREN;
      case '.' -> k = TokenKind.DOT;
      case ',' -> k = TokenKind.COMMA;
      case ';' -> k = TokenKind.SEMICOLON;
      case '+' -> k = TokenKind.PLUS;
      case '-' -> k = TokenKind.MINUS;
      case '*' -> k = TokenKind.MUL;
      case '/' -> k = TokenKind.DIV;
      case '%' -> k = TokenKind.REM;
      case '&' -> k = TokenKind.AND;
      case '|' -> k = TokenKind.OR;
      case ':' -> k = d == '=' ? two(TokenKind.ASSIGN) : TokenKind.COLON;
      case '=' -> k = d == '=' ? two(TokenKind.EQUAL) : TokenKind.UNIFY;
      case '!' -> {
        if (d == '=') {
          k = two(TokenKind.NEQ);
        } else {
          errors.add(new LexError("illegal ! character", startLine, startCol));
          k = TokenKind.ILLEGAL;
        }
      }
      case '<' -> k = d == '=' ? two(TokenKind.LTE) : TokenKind.LT;
      case '>' -> k = d == '=' ? two(TokenKind.GTE) : TokenKind.GT;
      default -> {
        // Consume a whole code point so the error names the character, not half a surrogate pair.
        if (Character.isHighSurrogate(c) && pos < src.length() && Character.isLowSurrogate(d)) pos++;
        errors.add(new LexError("illegal token", startLine, startCol));
        k = TokenKind.ILLEGAL;
      }
    }
    return tok(k, src.substring(start, pos), start, startLine, startCol, nl, ws);
  }

  private TokenKind two(TokenKind k) {
    pos++;
    return k;
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }

  private Token number(int start, int startLine, int startCol, boolean nl, boolean ws) {
    digits();
    if (pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        digits();
      } else {
        pos = save;
      }
    }
    // A number running straight into a letter or dot (1a, 1.x) is not a number.
    if (pos < src.length() && (isIdentStart(src.charAt(pos)) || src.charAt(pos) == '.')) {
      while (pos < src.length() && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
      errors.add(new LexError("illegal number format", startLine, startCol));
      return tok(TokenKind.ILLEGAL, src.substring(start, pos), start, startLine, startCol, nl, ws);
    }
    return tok(TokenKind.NUMBER, src.substring(start, pos), start, startLine, startCol, nl, ws);
  }

  private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

  private void digits() {
    while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
  }

  private Token string(int start, int startLine, int startCol, boolean nl, boolean ws) {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        errors.add(new LexError("non-terminated string", startLine, startCol));
        return tok(TokenKind.ILLEGAL, src.substring(start, pos), start, startLine, startCol, nl, ws);
      }
      char c = src.charAt(pos++);
      if (c == '"') break;
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      escape(sb);
    }
    return tok(TokenKind.STRING, sb.toString(), start, startLine, startCol, nl, ws);
  }

  /** Decodes one escape after a backslash (JSON's escapes). */
  private void escape(StringBuilder sb) {
    if (pos >= src.length()) return;
    char e = src.charAt(pos++);
    switch (e) {
      case '"' -> sb.append('"');
      case '\\' -> sb.append('\\');
      case '/' -> sb.append('/');
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        int cp = hex4();
        if (cp < 0) {
          errors.add(new LexError("invalid unicode escape in string", line, col(pos)));
        } else {
          sb.append((char) cp);
        }
      }
      default -> {
        errors.add(new LexError("illegal escape sequence in string", line, col(pos - 2)));
        if (e == '\n') { line++; lineStart = pos; }
      }
    }
  }

  /**
   * Reads a template string's text from pos up to an expression's opening brace (pushing a new
   * expression context) or the closing quote. {@code \{} is a literal brace; {@code $"..."} takes
   * the escapes of strings and ends at a line break, {@code $`...`} takes no other escape.
   */
  private Token templateText(boolean raw, int start, int startLine, int startCol) {
    StringBuilder sb = new StringBuilder();
    char close = raw ? '`' : '"';
    while (true) {
      if (pos >= src.length() || (!raw && src.charAt(pos) == '\n')) {
        errors.add(new LexError(raw ? "non-terminated raw string" : "non-terminated string", startLine, startCol));
        return tok(TokenKind.ILLEGAL, src.substring(start, pos), start, startLine, startCol, false, false);
      }
      char c = src.charAt(pos++);
      if (c == close) {
        return tok(raw ? TokenKind.RAW_TEMPLATE_END : TokenKind.TEMPLATE_END, sb.toString(), start, startLine,
            startCol, false, false);
      }
      if (c == '{') {
        templates.push(new int[] {0, raw ? 1 : 0});
        return tok(raw ? TokenKind.RAW_TEMPLATE_PART : TokenKind.TEMPLATE_PART, sb.toString(), start, startLine,
            startCol, false, false);
      }
      if (c == '\n') { line++; lineStart = pos; }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos < src.length() && src.charAt(pos) == '{') {
        pos++;
        sb.append('{');
      } else if (raw) {
        sb.append(c);
      } else {
        escape(sb);
      }
    }
  }

  private int hex4() {
    if (pos + 4 > src.length()) return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(src.charAt(pos + i), 16);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    pos += 4;
    return v;
  }

  private Token rawString(int start, int startLine, int startCol, boolean nl, boolean ws) {
    pos++;
    int end = src.indexOf('`', pos);
    if (end < 0) {
      errors.add(new LexError("non-terminated raw string", startLine, startCol));
      String rest = src.substring(start);
      advanceTo(src.length());
      return tok(TokenKind.ILLEGAL, rest, start, startLine, startCol, nl, ws);
    }
    String text = src.substring(pos, end);
    advanceTo(end + 1);
    return tok(TokenKind.RAW_STRING, text, start, startLine, startCol, nl, ws);
  }

  private void advanceTo(int target) {
    while (pos < target) {
      if (src.charAt(pos) == '\n') { line++; lineStart = pos + 1; }
      pos++;
    }
  }
}
