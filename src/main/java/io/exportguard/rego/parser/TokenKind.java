package io.exportguard.rego.parser;

/** Token kinds of Rego. {@link #display} is how OPA's messages name the token. */
public enum TokenKind {
  IDENT("identifier"), STRING("string"), RAW_STRING("string"), NUMBER("number"),
  /** A template string's text up to an expression's {@code {}} ({@code $"a {}); the text is decoded. */
  TEMPLATE_PART("string"),
  /** A template string's last text, up to the closing quote. */
  TEMPLATE_END("string"),
  RAW_TEMPLATE_PART("string"), RAW_TEMPLATE_END("string"),
  PACKAGE("package"), IMPORT("import"), AS("as"), DEFAULT("default"), IF("if"), CONTAINS("contains"),
  ELSE("else"), NOT("not"), SOME("some"), EVERY("every"), IN("in"), WITH("with"),
  /** The {@code and}/{@code or} keywords of {@code import future.keywords.and|or} (not {@code &}/{@code |}). */
  LOGICAL_AND("and"), LOGICAL_OR("or"),
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
      case PACKAGE, IMPORT, AS, DEFAULT, IF, CONTAINS, ELSE, NOT, SOME, EVERY, IN, WITH, LOGICAL_AND, LOGICAL_OR -> true;
      default -> false;
    };
  }

  /** Words: identifiers and every keyword, which may follow a dot in a ref ({@code input.if}). */
  public boolean isWord() {
    return this == IDENT || isKeyword() || this == TRUE || this == FALSE || this == NULL;
  }

  /** Keywords that are keywords only in some modules: by Rego version or a {@code future.keywords} import. */
  public boolean isFutureKeyword() {
    return switch (this) {
      case IF, CONTAINS, IN, EVERY, LOGICAL_AND, LOGICAL_OR -> true;
      default -> false;
    };
  }

  /** The text of a template string token, from the opening quote or the {@code }} before it. */
  public boolean isTemplate() {
    return this == TEMPLATE_PART || this == TEMPLATE_END || this == RAW_TEMPLATE_PART || this == RAW_TEMPLATE_END;
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
      case "and" -> LOGICAL_AND;
      case "or" -> LOGICAL_OR;
      case "true" -> TRUE;
      case "false" -> FALSE;
      case "null" -> NULL;
      default -> IDENT;
    };
  }
}
