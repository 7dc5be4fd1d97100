package io.exportguard.rego.parser;

/**
 * One token.
 *
 * @param text the token's source text, except for strings and template string parts: the decoded value
 * @param nlBefore a line break (or comment line) separates it from the previous token
 * @param wsBefore any whitespace or comment separates it from the previous token
 */
public record Token(TokenKind kind, String text, int line, int column, int offset, boolean nlBefore,
                    boolean wsBefore) {

  /** The same token read as another kind (a future keyword that is an identifier in this module). */
  Token as(TokenKind k) { return k == kind ? this : new Token(k, text, line, column, offset, nlBefore, wsBefore); }
}
