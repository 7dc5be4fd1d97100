package io.exportguard.rego.parser;

/** Token kinds of Rego v1. {@link #display} is how OPA's messages name the token. */
public enum TokenKind {
  IDENT("identifier"), STRING("string"), RAW_STRING("string"), NUMBER("number"),
  PACKAGE("package"), IMPORT("import"), AS("as"), DEFAULT("default"), IF("if"), CONTAINS("contains"),
  ELSE("else"), NOT("not"), SOME("some"), EVERY("every"), IN("in"), WITH("with"),
  TRUE("true"), FALSE("false"), NULL("null"),
  LBRACE("{"), RBRACE("}"), LBRACK("["), RBRACK("]"), LPAREN("("), RPAREN(")"),
  DOT("."), COMMA(","), SEMICOLON(";"), COLON(":"), ASSIGN("assign"), UNIFY("eq"), EQUAL("equal"), NEQ("neq"),
  LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), PLUS("plus"), MINUS("minus"), MUL("mul"), DIV("quo"), REM("rem"),
  AND("and"), OR("or"), ILLEGAL("illegal"), EOF("eof");

  /** OPA's name for the token in messages ({@code unexpected assign token}). */
  public final String display;

  TokenKind(String display) { this.display = display; }

  /** Keywords are reported as {@code unexpected X keyword}, other tokens as {@code unexpected X token}. */
  public boolean isKeyword() {
    return switch (this) {
      case PACKAGE, IMPORT, AS, DEFAULT, IF, CONTAINS, ELSE, NOT, SOME, EVERY, IN, WITH -> true;
      default -> false;
    };
  }

  static TokenKind keyword(String word) {
    return switch (word) {
      case "package" -> PACKAGE;
      case "import" -> IMPORT;
      case "as" -> AS;
      case "default" -> DEFAULT;
      case "if" -> IF;
      case "contains" -> CONTAINS;
      case "else" -> ELSE;
      case "not" -> NOT;
      case "some" -> SOME;
      case "every" -> EVERY;
      case "in" -> IN;
      case "with" -> WITH;
      case "true" -> TRUE;
      case "false" -> FALSE;
      case "null" -> NULL;
      default -> IDENT;
    };
  }
}
