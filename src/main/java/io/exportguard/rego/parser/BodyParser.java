package io.exportguard.rego.parser;

import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.LogicalExpr;
import io.exportguard.rego.ast.NotBody;
import io.exportguard.rego.ast.ObjectTerm;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies and literals: {@code not}, {@code some}, {@code every}, {@code :=}/{@code =}, {@code with},
 * and the imported {@code and}/{@code or} and {@code not { ... }} forms with their operands.
 */
abstract class BodyParser extends TermParser {

  BodyParser(String file, String source, ParseOptions options) {
    super(file, source, options);
  }

  /**
   * Literals separated by {@code ;} or line breaks, up to the closing token, which is left for the
   * caller. An empty body is an error.
   */
  @Override
  Body parseQuery(TokenKind close, Token open) {
    boolean savedStop = stopAtOr;
    stopAtOr = false;
    enter(cur());
    try {
      Token first = cur();
      if (at(close)) throw fail(first, open == null ? "empty query" : "found empty body");
      List<Expr> exprs = new ArrayList<>();
      while (true) {
        exprs.add(parseLiteral());
        if (at(TokenKind.SEMICOLON)) {
          advance();
          if (at(close)) break;
          continue;
        }
        if (at(close)) break;
        if (cur().nlBefore()) continue;
        throw unexpected(cur(), close == TokenKind.EOF ? "\\n or ;" : "\\n or ; or " + close.display);
      }
      return new Body(exprs, loc(first));
    } finally {
      leave();
      stopAtOr = savedStop;
    }
  }

  @Override
  Expr parseTemplateLiteral() { return parseLiteral(); }

  /** One literal with its {@code with} modifiers (an {@code and}/{@code or} chain is one literal). */
  Expr parseLiteral() {
    Token start = cur();
    if (logicalActive() && at(TokenKind.LBRACE)) {
      // `{ body } and ...`: braces followed by and/or are an operand; otherwise they start a term.
      int save = p;
      Body b = attempt(this::braceBody);
      if (b != null && atLogical()) {
        checkUnion(b, start, "");
        return orChain(b, loc(start));
      }
      p = save;
    }
    if (logicalActive() && at(TokenKind.LPAREN)) {
      Group g = group(false, "");
      if (g != null) return tail(g.body(), g.loc());
    }
    keywordRef();
    boolean negated = isNegation();
    if (negated) {
      advance();
      keywordRef();
    }
    if (negated && notBodies && at(TokenKind.LBRACE)) return tail(single(notBody(start)), loc(start));
    if (at(TokenKind.SOME)) {
      if (negated) throw fail(cur(), "illegal negation of 'some'");
      return parseSome();
    }
    if (at(TokenKind.EVERY)) {
      if (negated) throw fail(cur(), "illegal negation of 'every'");
      return parseEvery();
    }
    if (negated && notBodies && at(TokenKind.LPAREN)) {
      Group g = group(true, "not ");
      if (g != null) return tail(single(new NotBody(g.body(), List.of(), loc(start))), loc(start));
    }
    Token first = cur();
    Term term = parseExprTerm();
    Token withAt = at(TokenKind.WITH) ? cur() : null;
    TermExpr e = new TermExpr(term, negated, parseWiths(), loc(start));
    if (!atLogical()) return e;
    String op = cur().kind().display;
    if (withAt != null) throw withOnOperand(withAt, op);
    if (!negated && first.kind() == TokenKind.LBRACE) {
      if (term instanceof ObjectTerm o && o.entries().isEmpty()) throw fail(first, "found empty body");
      throw fail(first, "operand of `" + op + "` cannot begin with `{` unless the braces hold a body"
          + " (hint: wrap the operand to keep the value: `(...) " + op + " ...`)");
    }
    return orChain(single(e), loc(start));
  }

  /** {@code not} as negation, not the first name of a ref ({@code not.x}). */
  private boolean isNegation() { return at(TokenKind.NOT); }

  private static Body single(Expr e) { return new Body(List.of(e), e.loc()); }

  /** {@code { literals }} as a body; the closing brace is consumed. */
  private Body braceBody() {
    Token open = advance();
    Body b = parseQuery(TokenKind.RBRACE, open);
    advance();
    return b;
  }

  /** A completed operand (or group) at the start of a literal: an and/or chain may follow, and withs. */
  private Expr tail(Body operand, Location loc) {
    if (atLogical()) return orChain(operand, loc);
    Expr e = operand.exprs().get(0);
    return at(TokenKind.WITH) ? withWiths(e, parseWiths()) : e;
  }

  private static Expr withWiths(Expr e, List<With> ws) {
    if (ws.isEmpty()) return e;
    List<With> all = new ArrayList<>(e.with());
    all.addAll(ws);
    if (e instanceof TermExpr t) return new TermExpr(t.term(), t.negated(), all, t.loc());
    if (e instanceof LogicalExpr l) return l.withWith(all);
    if (e instanceof NotBody n) return n.withWith(all);
    return e;
  }

  /**
   * Folds {@code lhs (and x)* (or y (and z)*)*}: {@code and} binds tighter; both associate to the
   * left. A {@code with} after the last operand applies to the whole expression.
   */
  private Expr orChain(Body lhs, Location loc) {
    int n = 0;
    if (at(TokenKind.LOGICAL_AND)) lhs = single(andChain(lhs, loc));
    while (at(TokenKind.LOGICAL_OR)) {
      chain(++n);
      advance();
      Body rhs = operand("or");
      if (at(TokenKind.LOGICAL_AND)) rhs = single(andChain(rhs, rhs.loc()));
      checkVoid(lhs, rhs, "or");
      lhs = single(new LogicalExpr(LogicalExpr.Op.OR, lhs, rhs, List.of(), loc));
    }
    Expr e = lhs.exprs().get(0);
    return at(TokenKind.WITH) ? withWiths(e, parseWiths()) : e;
  }

  private Expr andChain(Body lhs, Location loc) {
    int n = 0;
    while (at(TokenKind.LOGICAL_AND)) {
      chain(++n);
      advance();
      Body rhs = operand("and");
      checkVoid(lhs, rhs, "and");
      lhs = single(new LogicalExpr(LogicalExpr.Op.AND, lhs, rhs, List.of(), loc));
    }
    return lhs.exprs().get(0);
  }

  /**
   * One operand of {@code and}/{@code or} ({@code op}; empty while probing a group): a body in
   * braces, {@code not { ... }}, a parenthesised group, or a literal without {@code with}.
   */
  private Body operand(String op) {
    Token start = cur();
    if (at(TokenKind.LBRACE)) {
      Body b = attempt(this::braceBody);
      if (b != null) {
        checkUnion(b, start, "");
        return b;
      }
      if (peek(1).kind() == TokenKind.RBRACE || op.isEmpty()) return braceBody();
      if (attempt(this::parseTermIn) != null) {
        throw fail(start, "operand of `" + op + "` cannot begin with `{` unless the braces hold a body"
            + " (hint: wrap the operand to keep the value: `(...) " + op + " ...`)");
      }
      return braceBody();
    }
    keywordRef();
    boolean negated = isNegation();
    if (negated) {
      advance();
      keywordRef();
    }
    if (negated && notBodies && at(TokenKind.LBRACE)) return single(notBody(start));
    if (at(TokenKind.LPAREN) && (!negated || notBodies)) {
      Group g = group(true, negated ? "not " : "");
      if (g != null) return negated ? single(new NotBody(g.body(), List.of(), loc(start))) : g.body();
    }
    Term t = parseExprTerm();
    return single(new TermExpr(t, negated, List.of(), loc(start)));
  }

  /** A parenthesised group's body (one and/or/not expression, or one literal with withs). */
  private record Group(Body body, Location loc) {}

  /**
   * {@code ( ... )} holding an and/or chain, a negation or a literal with withs; null (cursor
   * unmoved) when the parentheses are an ordinary term's, such as {@code (a == b)}.
   * {@code operand}: the group is known to be an operand (of and/or/not).
   */
  private Group group(boolean operand, String prefix) {
    Token open = cur();
    int save = p;
    int errs = errors.size();
    enter(open);
    try {
      advance();
      if (at(TokenKind.RPAREN)) {
        if (operand) throw fail(open, "empty parenthesized group");
        p = save;
        return null;
      }
      int inner = p;
      Body lhs = attempt(() -> operand(""));
      if (lhs == null) {
        p = save;
        return null;
      }
      boolean explicit = toks.get(inner).kind() == TokenKind.LBRACE;
      if (atLogical()) {
        Expr e = orChain(lhs, loc(open));
        closeGroup();
        return new Group(single(e), loc(open));
      }
      if (at(TokenKind.WITH) && !explicit) {
        Token w = cur();
        Expr e = withWiths(lhs.exprs().get(0), parseWiths());
        if (atLogical()) throw withOnOperand(w, cur().kind().display);
        closeGroup();
        if (operand || atLogical()) return new Group(single(e), loc(open));
        p = save;
        errors.subList(errs, errors.size()).clear();
        return null;
      }
      if (explicit) {
        p = save;
        errors.subList(errs, errors.size()).clear();
        Term probe = attempt(() -> {
          advance();
          return parsePrimary();
        });
        p = save;
        if (probe == null) {
          throw fail(open, "`(...)` in an operand position cannot contain a body (hint: drop the parens to keep the body: `"
              + prefix + "{...}`)");
        }
        return null;
      }
      Expr only = lhs.exprs().get(0);
      if (only instanceof LogicalExpr || only.negated()) {
        closeGroup();
        return new Group(lhs, loc(open));
      }
      p = save;
      errors.subList(errs, errors.size()).clear();
      return null;
    } finally {
      leave();
    }
  }

  private void closeGroup() {
    if (!at(TokenKind.RPAREN)) throw fail(cur(), "expected ) to close parenthesized group");
    advance();
  }

  /** {@code not { body }}; the cursor is at the brace. */
  private NotBody notBody(Token notToken) {
    Token open = cur();
    Body b = attempt(this::braceBody);
    if (b == null) {
      if (peek(1).kind() == TokenKind.RBRACE) braceBody();
      Term value = attempt(this::parseTermIn);
      if (value != null) {
        throw fail(open, "`{...}` in an operand position must contain expression(s), got: " + valueName(value)
            + " (hint: write `not (...)` to negate the value, or `not {...}` for a body holding it)");
      }
      braceBody();
    }
    checkUnion(b, open, "not ");
    return new NotBody(b, List.of(), loc(notToken));
  }

  private static String valueName(Term t) {
    if (t instanceof io.exportguard.rego.ast.SetTerm) return "set";
    if (t instanceof ObjectTerm) return "object";
    if (t instanceof io.exportguard.rego.ast.SetCompr) return "setcomprehension";
    if (t instanceof io.exportguard.rego.ast.ObjectCompr) return "objectcomprehension";
    if (t instanceof Ref) return "ref";
    if (t instanceof Call) return "call";
    return "term";
  }

  /** {@code { a | b }} as a body holds a set union, though it reads like a comprehension: OPA rejects it. */
  private void checkUnion(Body b, Token open, String prefix) {
    Expr first = b.exprs().get(0);
    if (first instanceof TermExpr t && !t.negated() && t.term() instanceof Call c && infixUnions.contains(c)) {
      throw fail(open, "ambiguous `{ ... | ... }` operand: read as a body holding a set-union expression, not as a"
          + " comprehension (hint: write `" + prefix + "({...})` for the comprehension, or `" + prefix
          + "{(... | ...)}` for the set union)");
    }
  }

  /** {@code print} produces no value: an operand made only of print calls could never fail. */
  private void checkVoid(Body lhs, Body rhs, String op) {
    for (Body b : List.of(lhs, rhs)) {
      boolean onlyPrint = true;
      for (Expr e : b.exprs()) {
        onlyPrint &= e instanceof TermExpr t && !t.negated() && t.term() instanceof Call c && "print".equals(c.name());
      }
      if (onlyPrint) {
        Location l = b.exprs().get(0).loc();
        addError("operand of `" + op + "` cannot consist only of calls to `print` (hint: `print` produces no value and"
            + " always succeeds, so the operand can never fail; move it out of the operand, or add an expression that"
            + " can fail)", l.line(), l.column());
        throw new ParseFail();
      }
    }
  }

  private ParseFail withOnOperand(Token with, String op) {
    return fail(with, "`with` modifier is not allowed on operand of `" + op + "` (hint: Wrap the operand in `(...)` or"
        + " `{...}` to scope, or move `with` after the `" + op + "` expression to apply it to the whole expression)");
  }

  /** A literal's term: {@code a := b}, {@code a = b}, {@code k, v in xs}, or any term. */
  Term parseExprTerm() {
    Term lhs = parseTermIn(true);
    if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
      String op = advance().kind() == TokenKind.ASSIGN ? "assign" : "eq";
      Term rhs = parseTermIn();
      return Call.of(op, List.of(lhs, rhs), lhs.loc());
    }
    return lhs;
  }

  List<With> parseWiths() {
    if (!at(TokenKind.WITH)) return List.of();
    List<With> out = new ArrayList<>();
    while (at(TokenKind.WITH)) {
      Token w = advance();
      Term target = parsePrimary();
      Ref ref;
      if (target instanceof Var v) ref = new Ref(List.of(v), v.loc());
      else if (target instanceof Ref r) ref = r;
      else throw fail(w, "invalid with target: must be a reference");
      if (!at(TokenKind.AS)) throw unexpected(cur(), "as");
      advance();
      out.add(new With(ref, parseTermIn(), loc(w)));
    }
    return out;
  }

  private Expr parseSome() {
    Token some = advance();
    List<Term> terms = new ArrayList<>();
    terms.add(parseRelation());
    while (at(TokenKind.COMMA)) {
      advance();
      terms.add(parseRelation());
    }
    if (at(TokenKind.IN)) {
      advance();
      if (terms.size() > 2) throw fail(some, "unexpected , token: expected at most two variables before in");
      Term coll = parseRelation();
      Term key = terms.size() == 2 ? terms.get(0) : null;
      return new SomeIn(key, terms.get(terms.size() - 1), coll, parseWiths(), loc(some));
    }
    List<Var> vars = new ArrayList<>();
    for (Term t : terms) {
      if (!(t instanceof Var v)) {
        addError("expected var", t.loc().line(), t.loc().column());
        throw new ParseFail();
      }
      vars.add(v);
    }
    return new SomeDecl(vars, loc(some));
  }

  private Expr parseEvery() {
    Token every = advance();
    Term first = parseRelation();
    Term key = null;
    Term value = first;
    if (at(TokenKind.COMMA)) {
      advance();
      key = first;
      value = parseRelation();
    }
    if (!at(TokenKind.IN)) throw unexpected(cur(), "in");
    advance();
    Term domain = parseRelation();
    if (!at(TokenKind.LBRACE)) throw unexpected(cur(), "{");
    Token open = advance();
    Body body = parseQuery(TokenKind.RBRACE, open);
    advance();
    return new Every(key, value, domain, body, parseWiths(), loc(every));
  }
}
