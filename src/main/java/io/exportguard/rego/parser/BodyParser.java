package io.exportguard.rego.parser;

import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Every;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.SomeDecl;
import io.exportguard.rego.ast.SomeIn;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.TermExpr;
import io.exportguard.rego.ast.Var;
import io.exportguard.rego.ast.With;
import java.util.ArrayList;
import java.util.List;

/** Bodies and literals: {@code not}, {@code some}, {@code every}, {@code :=}/{@code =}, {@code with}. */
abstract class BodyParser extends TermParser {

  BodyParser(String file, String source) {
    super(file, source);
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

  /** One literal with its {@code with} modifiers. */
  Expr parseLiteral() {
    Token start = cur();
    boolean negated = false;
    if (at(TokenKind.NOT)) {
      advance();
      negated = true;
    }
    if (at(TokenKind.SOME)) {
      if (negated) throw fail(cur(), "illegal negation of 'some'");
      return parseSome();
    }
    if (at(TokenKind.EVERY)) {
      if (negated) throw fail(cur(), "illegal negation of 'every'");
      return parseEvery();
    }
    Term term = parseExprTerm();
    return new TermExpr(term, negated, parseWiths(), loc(start));
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
