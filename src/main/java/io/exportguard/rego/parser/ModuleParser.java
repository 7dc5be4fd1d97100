package io.exportguard.rego.parser;

import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Call;
import io.exportguard.rego.ast.Import;
import io.exportguard.rego.ast.Location;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.PackageDecl;
import io.exportguard.rego.ast.Ref;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.RuleKind;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.Term;
import io.exportguard.rego.ast.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Module structure: package, imports (which select keywords and the module's syntax), rules
 * (heads, bodies, else chains, v0's {@code p[x] { }} and chained bodies), METADATA attachment.
 */
final class ModuleParser extends BodyParser {
  /** Keywords of v1 that {@code import rego.v1} brings to a v0 module. */
  private static final List<TokenKind> V1_KEYWORDS = List.of(TokenKind.IF, TokenKind.CONTAINS, TokenKind.IN, TokenKind.EVERY);

  ModuleParser(String file, String source, ParseOptions options) {
    super(file, source, options);
  }

  /** Parses the module; returns null when errors were recorded. */
  Module parseModule() {
    PackageDecl pkg = null;
    try {
      if (!at(TokenKind.PACKAGE)) {
        throw fail(cur(), at(TokenKind.EOF) ? "empty module" : "package expected");
      }
      Token kw = advance();
      pkg = new PackageDecl(parseDataPath(true), loc(kw));
    } catch (ParseFail f) {
      recover();
    }
    List<Import> imports = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    while (!at(TokenKind.EOF)) {
      int start = p;
      try {
        if (at(TokenKind.IMPORT) && !refFollows()) {
          Token kw = advance();
          Import imp = parseImport(kw);
          imports.add(imp);
          selectSyntax(imp, imports);
        } else if (at(TokenKind.PACKAGE) && !refFollows()) {
          throw fail(cur(), "unexpected package keyword: a module has one package");
        } else {
          rules.addAll(parseRules());
        }
        if (!at(TokenKind.EOF) && !cur().nlBefore() && !at(TokenKind.SEMICOLON)) throw unexpected(cur(), null);
        if (at(TokenKind.SEMICOLON)) advance();
      } catch (ParseFail f) {
        if (p == start) advance();
        recover();
      }
    }
    Metadata.Attached meta = new Metadata(this).attach(pkg, rules);
    if (!errors.isEmpty() || pkg == null) return null;
    return new Module(file, source, pkg, imports, meta.rules(), meta.moduleAnnotations(), version);
  }

  /** The current keyword directly followed by {@code .} or {@code [}: a ref, with {@code keywords_in_refs}. */
  private boolean refFollows() {
    Token n = peek(1);
    return options.keywordsInRefs() && !n.wsBefore() && (n.kind() == TokenKind.DOT || n.kind() == TokenKind.LBRACK);
  }

  /** {@code import rego.v1} and {@code import future.keywords[.kw]}: keywords and syntax from here on. */
  private void selectSyntax(Import imp, List<Import> imports) {
    String head = imp.path().headName();
    if ("rego".equals(head)) regoImport(imp, imports);
    else if ("future".equals(head)) futureImport(imp);
    else return;
    retoken();
  }

  private void regoImport(Import imp, List<Import> imports) {
    Location at = imp.path().loc();
    if (!options.regoV1Import()) {
      addError("invalid import, `rego.v1` is not supported by current capabilities", at.line(), at.column());
      return;
    }
    if (imp.path().size() != 2 || !"v1".equals(((Scalar) imp.path().get(1)).stringOrNull())) {
      addError("invalid import `" + imp.path().dottedName() + "`, must be `rego.v1`", at.line(), at.column());
      return;
    }
    if (version == RegoVersion.V1) return;
    if (imp.alias() != null) {
      addError("`rego` imports cannot be aliased", at.line(), at.column());
      return;
    }
    version = RegoVersion.V0_COMPAT_V1;
    for (TokenKind k : V1_KEYWORDS) activate(k);
    for (Import other : imports) if (impliedByRegoV1(other)) mutuallyExclusive(other);
  }

  private void futureImport(Import imp) {
    Location at = imp.path().loc();
    List<Term> path = imp.path().terms();
    if (path.size() < 2 || !"keywords".equals(((Scalar) path.get(1)).stringOrNull())) {
      addError("invalid import, must be `future.keywords`", at.line(), at.column());
      return;
    }
    if (imp.alias() != null) {
      addError("`future` imports cannot be aliased", at.line(), at.column());
      return;
    }
    java.util.Set<String> allowed = options.importable();
    List<String> names = new ArrayList<>(allowed);
    if (path.size() == 3) {
      String kw = ((Scalar) path.get(2)).stringOrNull();
      if (!allowed.contains(kw)) {
        addError("unexpected keyword, must be one of [" + String.join(" ", allowed) + "]", at.line(), at.column());
        return;
      }
      names = List.of(kw);
    } else if (path.size() > 3) {
      addError("invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`", at.line(), at.column());
      return;
    }
    if (version == RegoVersion.V0_COMPAT_V1 && impliedByRegoV1(imp)) mutuallyExclusive(imp);
    for (String name : names) {
      TokenKind k = TokenKind.keyword(name);
      if (k == TokenKind.NOT) notBodies = true;
      else activate(k);
    }
  }

  /** {@code future.keywords} or one of the keywords {@code rego.v1} brings. */
  private static boolean impliedByRegoV1(Import imp) {
    List<Term> path = imp.path().terms();
    if (!"future".equals(imp.path().headName())) return false;
    return path.size() == 2 || path.size() == 3 && ParseOptions.V0_FUTURE.contains(((Scalar) path.get(2)).stringOrNull());
  }

  private void mutuallyExclusive(Import imp) {
    addError("the `rego.v1` import implies `future.keywords`, these are therefore mutually exclusive",
        imp.loc().line(), imp.loc().column());
  }

  /** Skips to the next token that starts a line in column 1 (where the next rule usually starts). */
  private void recover() {
    while (!at(TokenKind.EOF)) {
      Token t = cur();
      if (t.nlBefore() && t.column() == 1 && t.kind() != TokenKind.RBRACE && t.kind() != TokenKind.RBRACK
          && t.kind() != TokenKind.RPAREN) {
        return;
      }
      advance();
    }
  }

  /** {@code a.b["c"]} as a ref under {@code data} (package) or as written (import). */
  private Ref parseDataPath(boolean isPackage) {
    Token first = cur();
    boolean word = first.kind() == TokenKind.IDENT || options.keywordsInRefs() && first.kind().isKeyword();
    if (!word) throw unexpected(first, "identifier");
    advance();
    List<Term> terms = new ArrayList<>();
    Location l = loc(first);
    if (isPackage) {
      terms.add(new Var("data", l));
      terms.add(Scalar.string(first.text(), l));
    } else {
      terms.add(new Var(first.text(), l));
    }
    while (!cur().wsBefore() && (at(TokenKind.DOT) || at(TokenKind.LBRACK))) {
      Token sep = advance();
      if (sep.kind() == TokenKind.DOT) {
        Token name = cur();
        if (name.wsBefore()) throw whitespaceAfterDot(sep);
        // Future keywords are names in an import path (import future.keywords.in), as in OPA.
        boolean futureName = !isPackage && (name.kind().isFutureKeyword() || name.kind() == TokenKind.NOT);
        if (!isRefName(name.kind()) && !futureName) throw unexpected(name, "identifier");
        advance();
        terms.add(Scalar.string(name.text(), loc(name)));
      } else {
        Token s = cur();
        if (s.kind() != TokenKind.STRING && s.kind() != TokenKind.RAW_STRING) {
          throw fail(s, "unexpected " + s.kind().display + " token: expected string");
        }
        advance();
        terms.add(Scalar.string(s.text(), loc(s)));
        expect(TokenKind.RBRACK);
      }
    }
    return new Ref(terms, l);
  }

  private Import parseImport(Token kw) {
    Ref path = parseDataPath(false);
    String head = path.headName();
    if (!head.equals("data") && !head.equals("input") && !head.equals("future") && !head.equals("rego")) {
      throw fail(first(path), "unexpected import path, must begin with one of: {data, future, input, rego}, got: " + head);
    }
    String alias = null;
    if (at(TokenKind.AS)) {
      advance();
      Token a = cur();
      if (a.kind() != TokenKind.IDENT) throw unexpected(a, "var");
      advance();
      alias = a.text();
    } else if (!head.equals("future") && path.size() > 1) {
      Term last = path.get(path.size() - 1);
      String name = last instanceof Scalar sc ? sc.stringOrNull() : null;
      if (name != null && isKeywordHere(name)) {
        addError("unexpected import path, must not end with a keyword, got: " + name
            + " (hint: import a different path or use an alias)", last.loc().line(), last.loc().column());
      }
    }
    return new Import(path, alias, loc(kw));
  }

  private Token first(Ref path) {
    Location l = path.loc();
    for (int i = p - 1; i >= 0; i--) {
      Token t = toks.get(i);
      if (t.line() == l.line() && t.column() == l.column()) return t;
    }
    return cur();
  }

  /** A keyword of this module's syntax (v1's keywords include {@code if}, {@code contains}, {@code in}, {@code every}). */
  private boolean isKeywordHere(String name) {
    TokenKind k = TokenKind.keyword(name);
    if (k == TokenKind.IDENT || k == TokenKind.TRUE || k == TokenKind.FALSE || k == TokenKind.NULL) return false;
    return !k.isFutureKeyword() || keywords.contains(k);
  }

  /** One rule, or several when v0-style chained bodies follow ({@code p { a } { b }}). */
  private List<Rule> parseRules() {
    keywordRef();
    Token start = cur();
    if (at(TokenKind.DEFAULT)) {
      advance();
      keywordRef();
      return List.of(parseDefault(start));
    }
    if (start.kind() != TokenKind.IDENT) throw unexpected(start, null);
    Term headTerm = parsePrimary();
    Ref head;
    List<Term> args = List.of();
    boolean function = false;
    if (headTerm instanceof Call c) {
      head = c.operator();
      args = c.args();
      // As in OPA, `p() = v` without arguments defines a rule, not a function.
      function = !args.isEmpty();
    } else if (headTerm instanceof Var v) {
      head = new Ref(List.of(v), v.loc());
    } else if (headTerm instanceof Ref r && r.head() instanceof Var) {
      head = r;
    } else {
      throw fail(start, "invalid rule head");
    }
    Term key = null;
    Term value = null;
    boolean assign = false;
    RuleKind kind;
    if (at(TokenKind.CONTAINS)) {
      Token c = advance();
      if (function) throw fail(c, "unexpected contains token: functions cannot use contains");
      key = parseTermIn();
      kind = RuleKind.PARTIAL_SET;
    } else {
      if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
        assign = advance().kind() == TokenKind.ASSIGN;
        value = parseTermIn();
      }
      if (function) kind = RuleKind.FUNCTION;
      else kind = head.isGround() ? RuleKind.COMPLETE : RuleKind.PARTIAL_OBJECT;
    }
    // v0: `p[x] { ... }` (and `p.q { ... }`) without `if` is a multi-value rule p containing x.
    if (!version.v1Rules() && !function && key == null && value == null && head.size() == 2 && !at(TokenKind.IF)) {
      kind = RuleKind.PARTIAL_SET;
      key = head.get(1);
      head = new Ref(List.of(head.head()), head.loc());
    }
    boolean hasBody = at(TokenKind.IF) || at(TokenKind.LBRACE);
    boolean setLike = kind == RuleKind.PARTIAL_OBJECT && value == null && head.size() == 2;
    Body body = parseRuleBody(start, setLike, function);
    if (kind != RuleKind.PARTIAL_SET && value == null) {
      // A function written without value or body, f("x"), is true for those arguments (as in OPA).
      if (!hasBody && kind != RuleKind.FUNCTION) {
        String name = head.dottedName() != null ? head.dottedName() : head.headName();
        throw fail(start, "rule must have a value or a body: " + name);
      }
      value = Scalar.bool(true, loc(start));
    }
    Rule elseRule = parseElse(kind, head, args);
    if (elseRule != null && kind != RuleKind.COMPLETE && kind != RuleKind.FUNCTION) {
      throw fail(start, "else keyword cannot be used on multi-value rules");
    }
    Rule rule = new Rule(kind, head, args, key, value, assign, false, body, elseRule, List.of(), loc(start));
    if (!hasBody || elseRule != null || !at(TokenKind.LBRACE)) return List.of(rule);
    List<Rule> rules = new ArrayList<>(List.of(rule));
    while (at(TokenKind.LBRACE)) {
      Token open = advance();
      Body more = parseQuery(TokenKind.RBRACE, open);
      advance();
      rules.add(new Rule(kind, head, args, key, value, assign, false, more, null, List.of(), loc(open)));
    }
    return rules;
  }

  /** {@code if { ... }}, {@code if literal}, or nothing (empty body). A bare {@code { }} lacks v1's {@code if}. */
  private Body parseRuleBody(Token ruleStart) { return parseRuleBody(ruleStart, false, false); }

  /** {@code partialSetLike}: the head looks like a v0 partial set ({@code p[x] { ... }}). */
  private Body parseRuleBody(Token ruleStart, boolean partialSetLike, boolean function) {
    if (at(TokenKind.IF)) {
      Token kw = advance();
      if (at(TokenKind.LBRACE)) {
        // A brace after `if` opens a body, unless that fails and the brace is a literal's
        // object/set (comprehension), as in `f(x) if {k: v | ...}`.
        int save = p;
        int savedErrors = errors.size();
        try {
          Token open = advance();
          Body b = parseQuery(TokenKind.RBRACE, open);
          advance();
          if (!atLogical()) return b;
          // `if { a } and b`: the braces are the first operand of an and/or literal.
          p = save;
          return new Body(List.of(parseLiteral()), loc(kw));
        } catch (ParseFail f) {
          if (toks.get(save + 1).kind() == TokenKind.RBRACE) throw f;
          int bodyEnd = p;
          List<io.exportguard.rego.RegoError> bodyErrors = new ArrayList<>(errors.subList(savedErrors, errors.size()));
          errors.subList(savedErrors, errors.size()).clear();
          p = save;
          try {
            return new Body(List.of(parseLiteral()), loc(kw));
          } catch (ParseFail g) {
            errors.subList(savedErrors, errors.size()).clear();
            errors.addAll(bodyErrors);
            p = bodyEnd;
            throw f;
          }
        }
      }
      if (at(TokenKind.EOF)) throw unexpected(cur(), "rule body");
      return new Body(List.of(parseLiteral()), loc(kw));
    }
    if (at(TokenKind.LBRACE)) {
      Token open = cur();
      if (version.v1Rules()) {
        addError("`if` keyword is required before " + (function ? "function" : "rule") + " body", open.line(), open.column());
        if (partialSetLike) {
          addError("`contains` keyword is required for partial set rules", ruleStart.line(), ruleStart.column());
        }
      }
      advance();
      Body b = parseQuery(TokenKind.RBRACE, open);
      advance();
      return b;
    }
    return new Body(List.of(), loc(ruleStart));
  }

  private Rule parseElse(RuleKind kind, Ref head, List<Term> args) {
    if (!at(TokenKind.ELSE) || refFollows()) return null;
    Token kw = advance();
    enter(kw);
    try {
      Term value = null;
      boolean assign = false;
      if (at(TokenKind.ASSIGN) || at(TokenKind.UNIFY)) {
        assign = advance().kind() == TokenKind.ASSIGN;
        value = parseTermIn();
      }
      Body body = parseRuleBody(kw, false, kind == RuleKind.FUNCTION);
      if (value == null) value = Scalar.bool(true, loc(kw));
      Rule next = parseElse(kind, head, args);
      return new Rule(kind, head, args, null, value, assign, false, body, next, List.of(), loc(kw));
    } finally {
      leave();
    }
  }

  private Rule parseDefault(Token kw) {
    Token start = cur();
    if (start.kind() != TokenKind.IDENT) throw unexpected(start, "identifier");
    Term headTerm = parsePrimary();
    Ref head;
    List<Term> args = List.of();
    RuleKind kind = RuleKind.COMPLETE;
    if (headTerm instanceof Call c) {
      head = c.operator();
      args = c.args();
      if (!args.isEmpty()) kind = RuleKind.FUNCTION;
    } else if (headTerm instanceof Var v) {
      head = new Ref(List.of(v), v.loc());
    } else if (headTerm instanceof Ref r && r.head() instanceof Var && r.isGround()) {
      head = r;
    } else {
      throw fail(start, "default rules must have a ground head");
    }
    if (!at(TokenKind.ASSIGN) && !at(TokenKind.UNIFY)) {
      throw fail(cur(), "default rules must use = or := operator");
    }
    boolean assign = advance().kind() == TokenKind.ASSIGN;
    Token valueStart = cur();
    Term value = parseTermIn();
    if (at(TokenKind.IF) || at(TokenKind.LBRACE)) throw fail(cur(), "default rules cannot have a body");
    String nonGround = nonGround(value);
    if (nonGround != null) throw fail(valueStart, "default rule value cannot contain " + nonGround);
    return new Rule(kind, head, args, null, value, assign, true, new Body(List.of(), loc(kw)), null, List.of(),
        loc(kw));
  }

  /** What keeps a default value from being a constant: {@code var}, {@code ref} or {@code call}; null when allowed. */
  private static String nonGround(Term t) {
    if (t instanceof io.exportguard.rego.ast.Var) return "var";
    if (t instanceof Ref) return "ref";
    if (t instanceof Call) return "call";
    // Comprehensions are allowed (OPA documents it): their vars are their own.
    List<Term> parts = new ArrayList<>();
    if (t instanceof io.exportguard.rego.ast.ArrayTerm a) parts.addAll(a.items());
    else if (t instanceof io.exportguard.rego.ast.SetTerm st) parts.addAll(st.items());
    else if (t instanceof io.exportguard.rego.ast.ObjectTerm o) {
      for (io.exportguard.rego.ast.ObjectTerm.Entry e : o.entries()) { parts.add(e.key()); parts.add(e.value()); }
    }
    for (Term p : parts) {
      String n = nonGround(p);
      if (n != null) return n;
    }
    return null;
  }

  /** Exposed for {@link Metadata}: records a METADATA error. */
  void metadataError(String message, int line, int column) { addError(message, line, column); }

  List<Comment> comments() { return lexComments; }

  List<Token> tokens() { return toks; }
}
