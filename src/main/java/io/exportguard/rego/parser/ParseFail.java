package io.exportguard.rego.parser;

/** Unwinds the parser to its recovery point once an error has been recorded. Carries no stack trace. */
final class ParseFail extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ParseFail() {
    super(null, null, false, false);
  }
}
