package io.exportguard.rego.parser;

/** Token kinds of Rego v1. {@link #display} is how OPA's messages name the token. */
public enum TokenKind {
  IDENT("ident"), STRING("string"), RAW_STRING("string"), NUMBER("number"),
  PACKAGE("package"), IMPORT("import"), AS("as"), DEFAULT("default"), IF("if"), CONTAINS("contains"),
  ELSE("else"), NOT("not"), SOME("some"), EVERY("every"), IN("in"), WITH("with"),
  TRUE("true"), FALSE("false"), NULL("null"),
  LBRACE("{"), RBRACE("}"), LBRACK("["), RBRACK("]"), LPAREN("("), RPAREN(")"),
  DOT("."), COMMA(","), SEMICOLON(";"), COLON(":"), ASSIGN(":="), UNIFY("="), EQUAL("=="), NEQ("!="),
  LT("<"), LTE("<="), GT(">"), GTE(">="), PLUS("+"), MINUS("-"), MUL("*"), DIV("/"), REM("%"),
  AND("&"), OR("|"), ILLEGAL("illegal"), EOF("eof");

  public final String display;

  TokenKind(String display) { this.display = display; }

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
