package io.exportguard.rego.parser;

import io.exportguard.rego.RegoError;
import io.exportguard.rego.ast.ArrayCompr;
import io.exportguard.rego.ast.ArrayTerm;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.ObjectCompr;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SetCompr;
import io.exportguard.rego.ast.SetTerm;
import io.exportguard.rego.ast.SourceText;
import io.exportguard.rego.ast.TemplateString;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Token cursor, error recording and the term grammar (operators by precedence, refs, calls,
 * composites, comprehensions). Bodies and literals are in {@link BodyParser}.
 */
abstract class TermParser {
  /** Deeper nesting than this is a parse error, so hostile input cannot overflow the stack. */
  static final int MAX_DEPTH = 200;
  /** Stop collecting errors after this many; the rest are usually consequences. */
  static final int MAX_ERRORS = 50;

  final String file;
  final String source;
  final ParseOptions options;
  final List<Token> toks;
  final List<RegoError> errors = new ArrayList<>();
  int p;
  int depth;
  /** While parsing the first element of {@code [..} or {@code {..}}, a {@code |} starts a comprehension. */
  boolean stopAtOr;
  /** The module's syntax: the options' version, or V0_COMPAT_V1 once a v0 module imports {@code rego.v1}. */
  io.exportguard.rego.RegoVersion version;
  /** The future keywords that are keywords here; the others read as identifiers. */
  final EnumSet<TokenKind> keywords = EnumSet.noneOf(TokenKind.class);
  /** {@code import future.keywords.not}: {@code not { ... }} and {@code not (a or b)} negate bodies. */
  boolean notBodies;
  /** Calls written as an infix {@code |} outside parentheses: in braces they read like a comprehension. */
  final Set<Call> infixUnions = Collections.newSetFromMap(new IdentityHashMap<>());

  TermParser(String file, String source, ParseOptions options) {
    this.file = file;
    this.source = source;
    this.options = options;
    this.version = options.version();
    Lexer lexer = new Lexer(source);
    this.toks = lexer.tokenize();
    for (Lexer.LexError e : lexer.errors()) addError(e.message(), e.line(), e.column());
    this.lexComments = lexer.comments();
    if (version.v1Rules()) {
      for (TokenKind k : List.of(TokenKind.IF, TokenKind.CONTAINS, TokenKind.IN, TokenKind.EVERY)) activate(k);
    }
    retoken();
  }

  // ---- keywords

  /** Makes a future keyword a keyword from now on ({@code every} brings {@code in}). */
  void activate(TokenKind k) {
    keywords.add(k);
    if (k == TokenKind.EVERY) keywords.add(TokenKind.IN);
  }

  /** Re-reads the tokens from the cursor on: future keywords that are not active are identifiers. */
  void retoken() {
    for (int i = p; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.kind() != TokenKind.IDENT && !t.kind().isFutureKeyword()) continue;
      TokenKind word = TokenKind.keyword(t.text());
      if (word.isFutureKeyword()) toks.set(i, t.as(keywords.contains(word) ? word : TokenKind.IDENT));
    }
  }

  /** A name after a dot: an identifier, or any keyword with the {@code keywords_in_refs} feature. */
  boolean isRefName(TokenKind k) {
    return k == TokenKind.IDENT || options.keywordsInRefs() && k.isWord();
  }

  boolean logicalActive() {
    return keywords.contains(TokenKind.LOGICAL_AND) || keywords.contains(TokenKind.LOGICAL_OR);
  }

  boolean atLogical() { return at(TokenKind.LOGICAL_AND) || at(TokenKind.LOGICAL_OR); }

  /**
   * With the {@code keywords_in_refs} feature, a keyword directly followed by {@code .} or
   * {@code [} starts a ref ({@code if.x}, {@code contains["k"]}): it then reads as an identifier.
   */
  void keywordRef() {
    Token t = cur();
    Token n = peek(1);
    if (options.keywordsInRefs() && t.kind().isKeyword() && !n.wsBefore()
        && (n.kind() == TokenKind.DOT || n.kind() == TokenKind.LBRACK)) {
      toks.set(p, t.as(TokenKind.IDENT));
    }
  }

  /**
   * Runs a parse that may not fit here; when it fails, restores the cursor, drops the errors it
   * recorded and returns null.
   */
  <T> T attempt(Supplier<T> parse) {
    int save = p;
    int errs = errors.size();
    try {
      return parse.get();
    } catch (ParseFail f) {
      p = save;
      errors.subList(errs, errors.size()).clear();
      return null;
    }
  }

  final List<Comment> lexComments;

  // ---- cursor and errors

  Token cur() { return toks.get(p); }

  Token peek(int n) { return toks.get(Math.min(p + n, toks.size() - 1)); }

  boolean at(TokenKind k) { return toks.get(p).kind() == k; }

  Token advance() {
    Token t = toks.get(p);
    if (p < toks.size() - 1) p++;
    return t;
  }

  Token expect(TokenKind k) {
    if (!at(k)) throw unexpected(cur(), null);
    return advance();
  }

  Location loc(Token t) { return new Location(file, t.line(), t.column()); }

  void addError(String message, int line, int column) {
    if (errors.size() >= MAX_ERRORS) return;
    errors.add(new RegoError("rego_parse_error", message, file, line, column, SourceText.line(source, line)));
  }

  /** Records an error at a token and returns the exception that unwinds to the recovery point. */
  ParseFail fail(Token t, String message) {
    addError(message, t.line(), t.column());
    return new ParseFail();
  }

  /**
   * A ref does not continue past whitespace after its dot ({@code a.} then {@code b} on the next line):
   * OPA reports the whitespace right after the dot.
   */
  ParseFail whitespaceAfterDot(Token dot) {
    addError("unexpected whitespace token: expected identifier", dot.line(), dot.column() + 1);
    return new ParseFail();
  }

  /** {@code unexpected X token} (plus an expectation); an illegal token was already reported by the lexer. */
  ParseFail unexpected(Token t, String expected) {
    if (t.kind() == TokenKind.ILLEGAL) return new ParseFail();
    String msg = "unexpected " + t.kind().display + (t.kind().isKeyword() ? " keyword" : " token");
    if (expected != null) msg += ": expected " + expected;
    return fail(t, msg);
  }

  void enter(Token t) {
    if (++depth > MAX_DEPTH) throw fail(t, "nesting too deep (more than " + MAX_DEPTH + " levels)");
  }

  void leave() { depth--; }

  /** Bounds chains of infix operators, which nest the AST as deeply as brackets do. */
  void chain(int n) {
    if (n + depth > MAX_DEPTH) throw fail(cur(), "expression too long (more than " + MAX_DEPTH + " operators)");
  }

  // ---- terms by precedence: in < relation < | < & < + - < * / % < unary < primary

  /** A term including {@code x in xs}. */
  Term parseTermIn() { return parseTermIn(false); }

  /**
   * A term including {@code x in xs}; with {@code commaIn}, also {@code k, v in xs} (allowed where
   * a comma cannot mean anything else: a literal, or inside parentheses).
   */
  Term parseTermIn(boolean commaIn) {
    Term lhs = parseRelation();
    if (commaIn && at(TokenKind.COMMA)) {
      advance();
      Term value = parseRelation();
      if (!at(TokenKind.IN)) throw unexpected(cur(), "in");
      advance();
      Term coll = parseRelation();
      lhs = Call.of("internal.member_3", List.of(lhs, value, coll), lhs.loc());
    }
    int n = 0;
    while (at(TokenKind.IN)) {
      chain(++n);
      advance();
      Term rhs = parseRelation();
      lhs = Call.of("internal.member_2", List.of(lhs, rhs), lhs.loc());
    }
    return lhs;
  }

  Term parseRelation() {
    Term lhs = parseOr();
    int n = 0;
    while (true) {
      String op = switch (cur().kind()) {
        case EQUAL -> "equal";
        case NEQ -> "neq";
        case LT -> "lt";
        case LTE -> "lte";
        case GT -> "gt";
        case GTE -> "gte";
        default -> null;
      };
      if (op == null) return lhs;
      chain(++n);
      advance();
      Term rhs = parseOr();
      lhs = Call.of(op, List.of(lhs, rhs), lhs.loc());
    }
  }

  Term parseOr() {
    Term lhs = parseAnd();
    int n = 0;
    while (at(TokenKind.OR) && !stopAtOr) {
      chain(++n);
      advance();
      Call union = Call.of("or", List.of(lhs, parseAnd()), lhs.loc());
      infixUnions.add(union);
      lhs = union;
    }
    return lhs;
  }

  Term parseAnd() {
    Term lhs = parseArith();
    int n = 0;
    while (at(TokenKind.AND)) {
      chain(++n);
      advance();
      lhs = Call.of("and", List.of(lhs, parseArith()), lhs.loc());
    }
    return lhs;
  }

  Term parseArith() {
    Term lhs = parseFactor();
    int n = 0;
    while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
      chain(++n);
      String op = advance().kind() == TokenKind.PLUS ? "plus" : "minus";
      lhs = Call.of(op, List.of(lhs, parseFactor()), lhs.loc());
    }
    return lhs;
  }

  Term parseFactor() {
    Term lhs = parseUnary();
    int n = 0;
    while (at(TokenKind.MUL) || at(TokenKind.DIV) || at(TokenKind.REM)) {
      chain(++n);
      String op = switch (advance().kind()) {
        case MUL -> "mul";
        case DIV -> "div";
        default -> "rem";
      };
      lhs = Call.of(op, List.of(lhs, parseUnary()), lhs.loc());
    }
    return lhs;
  }

  Term parseUnary() {
    if (at(TokenKind.MINUS)) {
      Token minus = advance();
      Token n = cur();
      if (n.kind() == TokenKind.NUMBER && !n.wsBefore()) {
        advance();
        return number(n, "-" + n.text(), minus);
      }
      enter(minus);
      try {
        Term operand = parseUnary();
        return Call.of("minus", List.of(new Scalar(NumberValue.ZERO, loc(minus)), operand), loc(minus));
      } finally {
        leave();
      }
    }
    return parsePrimary();
  }

  private Scalar number(Token n, String text, Token at) {
    try {
      return new Scalar(NumberValue.parse(text), loc(at));
    } catch (NumberFormatException e) {
      throw fail(n, "invalid number " + n.text());
    }
  }

  /** A scalar, var, ref, call, composite, comprehension or parenthesised term, with ref/call suffixes. */
  Term parsePrimary() {
    Token t = cur();
    enter(t);
    boolean savedStop = stopAtOr;
    try {
      Term head;
      switch (t.kind()) {
        case NUMBER -> { advance(); return number(t, t.text(), t); }
        case STRING, RAW_STRING -> { advance(); head = Scalar.string(t.text(), loc(t)); }
        case TRUE, FALSE -> { advance(); return Scalar.bool(t.kind() == TokenKind.TRUE, loc(t)); }
        case NULL -> { advance(); return new Scalar(NullValue.INSTANCE, loc(t)); }
        case IDENT -> { advance(); head = new Var(t.text(), loc(t)); }
        case TEMPLATE_PART, TEMPLATE_END, RAW_TEMPLATE_PART, RAW_TEMPLATE_END -> { return parseTemplate(); }
        // v1 keeps the builtin contains(s, sub) callable: the keyword directly followed by "(" is a
        // call; so are the set builtins and(a, b) and or(a, b) when and/or are keywords.
        case CONTAINS, LOGICAL_AND, LOGICAL_OR -> {
          if (peek(1).kind() != TokenKind.LPAREN || peek(1).wsBefore()) throw unexpected(t, null);
          advance();
          head = new Var(t.text(), loc(t));
        }
        case LBRACK -> head = parseArray();
        case LBRACE -> head = parseBrace();
        case LPAREN -> {
          advance();
          stopAtOr = false;
          Term inner = parseTermIn(true);
          expect(TokenKind.RPAREN);
          if (inner instanceof Call c) infixUnions.remove(c);
          return inner;
        }
        default -> throw unexpected(t, null);
      }
      stopAtOr = false;
      return parseSuffixes(head);
    } finally {
      stopAtOr = savedStop;
      leave();
    }
  }

  /** Continues a term with {@code .name}, {@code [term]} and {@code (args)} written without whitespace. */
  Term parseSuffixes(Term head) {
    List<Term> ref = new ArrayList<>();
    ref.add(head);
    while (!cur().wsBefore()) {
      Token t = cur();
      if (t.kind() == TokenKind.DOT) {
        advance();
        Token name = cur();
        if (name.wsBefore()) throw whitespaceAfterDot(t);
        if (!isRefName(name.kind())) throw unexpected(name, "identifier");
        advance();
        ref.add(Scalar.string(name.text(), loc(name)));
      } else if (t.kind() == TokenKind.LBRACK) {
        advance();
        Term key = parseTermIn();
        expect(TokenKind.RBRACK);
        ref.add(key);
      } else if (t.kind() == TokenKind.LPAREN) {
        Term callee = ref.size() == 1 ? ref.get(0) : new Ref(ref, head.loc());
        Ref operator = callee instanceof Var v ? new Ref(List.of(v), v.loc()) : callee instanceof Ref r ? r : null;
        if (operator == null || !(operator.head() instanceof Var) || operator.dottedName() == null) {
          throw fail(t, "unexpected ( token: expected a function name");
        }
        advance();
        List<Term> args = parseList(TokenKind.RPAREN);
        Term call;
        if ("set".equals(operator.dottedName()) && args.isEmpty()) {
          call = new SetTerm(List.of(), head.loc());
        } else {
          call = new Call(operator, args, head.loc());
        }
        ref = new ArrayList<>();
        ref.add(call);
      } else {
        break;
      }
    }
    return ref.size() == 1 ? ref.get(0) : new Ref(ref, head.loc());
  }

  /**
   * {@code $"text {expr} text"}: literal text parts and the literal written between each pair of
   * braces; constants are kept as text parts, anything else as an expression part.
   */
  private Term parseTemplate() {
    Token first = cur();
    if (!options.templateStrings()) throw fail(first, "template strings are not supported by current capabilities");
    boolean raw = first.kind() == TokenKind.RAW_TEMPLATE_PART || first.kind() == TokenKind.RAW_TEMPLATE_END;
    stopAtOr = false;
    List<TermExpr> parts = new ArrayList<>();
    Token t = advance();
    while (true) {
      if (!t.text().isEmpty()) parts.add(new TermExpr(Scalar.string(t.text(), loc(t)), false, List.of(), loc(t)));
      if (t.kind() == TokenKind.TEMPLATE_END || t.kind() == TokenKind.RAW_TEMPLATE_END) break;
      parts.add(templateExpression());
      if (!at(TokenKind.RBRACE)) throw fail(cur(), "expected } to end template string expression");
      advance();
      t = cur();
      if (!t.kind().isTemplate()) throw unexpected(t, null);
      advance();
    }
    return new TemplateString(parts, raw, loc(first));
  }

  /** The literal between a template string's braces: a term (a call, a ref, ...) with optional {@code with}s. */
  private TermExpr templateExpression() {
    io.exportguard.rego.ast.Expr e;
    try {
      e = parseTemplateLiteral();
    } catch (ParseFail f) {
      addError("invalid template-string expression", cur().line(), cur().column());
      throw f;
    }
    String what = null;
    if (e instanceof io.exportguard.rego.ast.Every) what = "unexpected 'every'";
    else if (e instanceof io.exportguard.rego.ast.SomeDecl || e instanceof io.exportguard.rego.ast.SomeIn) what = "unexpected 'some'";
    else if (e instanceof io.exportguard.rego.ast.LogicalExpr l) {
      what = "unexpected '" + (l.op() == io.exportguard.rego.ast.LogicalExpr.Op.AND ? "and" : "or") + "'";
    } else if (e.negated()) what = "unexpected negation ('not')";
    else if (e instanceof TermExpr te && te.term() instanceof Call c && "eq".equals(c.name())) what = "unexpected unification ('=')";
    else if (e instanceof TermExpr te && te.term() instanceof Call c && "assign".equals(c.name())) what = "unexpected assignment (':=')";
    if (what != null) {
      addError(what + " in template-string expression", e.loc().line(), e.loc().column());
      throw new ParseFail();
    }
    return (TermExpr) e;
  }

  /** One literal; defined by {@link BodyParser}. */
  abstract io.exportguard.rego.ast.Expr parseTemplateLiteral();

  /** Comma-separated terms up to the closing token (consumed); a trailing comma is allowed. */
  List<Term> parseList(TokenKind close) {
    List<Term> items = new ArrayList<>();
    while (!at(close)) {
      items.add(parseTermIn());
      if (at(TokenKind.COMMA)) {
        advance();
      } else if (!at(close)) {
        throw unexpected(cur(), ", or " + close.display);
      }
    }
    advance();
    return items;
  }

  private Term parseArray() {
    Token open = advance();
    if (at(TokenKind.RBRACK)) { advance(); return new ArrayTerm(List.of(), loc(open)); }
    stopAtOr = true;
    Term first = parseTermIn();
    stopAtOr = false;
    if (at(TokenKind.OR)) {
      advance();
      Body body = parseQuery(TokenKind.RBRACK, open);
      advance();
      return new ArrayCompr(first, body, loc(open));
    }
    List<Term> items = new ArrayList<>();
    items.add(first);
    if (at(TokenKind.COMMA)) {
      advance();
      items.addAll(parseList(TokenKind.RBRACK));
    } else {
      expectClose(TokenKind.RBRACK);
    }
    return new ArrayTerm(items, loc(open));
  }

  private void expectClose(TokenKind close) {
    if (!at(close)) throw unexpected(cur(), ", or " + close.display);
    advance();
  }

  private Term parseBrace() {
    Token open = advance();
    if (at(TokenKind.RBRACE)) { advance(); return new ObjectTerm(List.of(), loc(open)); }
    stopAtOr = true;
    Term first = parseTermIn();
    if (at(TokenKind.COLON)) {
      advance();
      Term value = parseTermIn();
      stopAtOr = false;
      if (at(TokenKind.OR)) {
        advance();
        Body body = parseQuery(TokenKind.RBRACE, open);
        advance();
        return new ObjectCompr(first, value, body, loc(open));
      }
      List<ObjectTerm.Entry> entries = new ArrayList<>();
      entries.add(new ObjectTerm.Entry(first, value));
      while (at(TokenKind.COMMA)) {
        advance();
        if (at(TokenKind.RBRACE)) break;
        Term k = parseTermIn();
        expect(TokenKind.COLON);
        entries.add(new ObjectTerm.Entry(k, parseTermIn()));
      }
      expectClose(TokenKind.RBRACE);
      return new ObjectTerm(entries, loc(open));
    }
    stopAtOr = false;
    if (at(TokenKind.OR)) {
      advance();
      Body body = parseQuery(TokenKind.RBRACE, open);
      advance();
      return new SetCompr(first, body, loc(open));
    }
    List<Term> items = new ArrayList<>();
    items.add(first);
    if (at(TokenKind.COMMA)) {
      advance();
      items.addAll(parseList(TokenKind.RBRACE));
    } else {
      expectClose(TokenKind.RBRACE);
    }
    return new SetTerm(items, loc(open));
  }

  /** Literals up to (not consuming) the closing token; defined by {@link BodyParser}. */
  abstract Body parseQuery(TokenKind close, Token open);
}
