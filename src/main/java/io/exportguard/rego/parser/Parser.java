package io.exportguard.rego.parser;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Term;

/** Entry points of the Rego v1 parser. Every failure is a {@link RegoException} with code {@code rego_parse_error}. */
public final class Parser {
  private Parser() {}

  /** Parses one module; reports every syntax error it can find, not only the first. */
  public static Module parseModule(String file, String source) throws RegoException {
    throw new UnsupportedOperationException("parser not implemented yet");
  }

  /** Parses a query such as {@code data.x.p} or {@code x := data.a; y = x + 1}. */
  public static Body parseQuery(String query) throws RegoException {
    throw new UnsupportedOperationException("parser not implemented yet");
  }

  /** Parses one term (the conformance cases' {@code input_term}). */
  public static Term parseTerm(String term) throws RegoException {
    throw new UnsupportedOperationException("parser not implemented yet");
  }
}
