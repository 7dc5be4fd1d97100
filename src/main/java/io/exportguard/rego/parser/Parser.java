package io.exportguard.rego.parser;

import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Term;
import java.util.List;

/**
 * Entry points of the Rego parser (v1 syntax unless the options say otherwise). Every failure is a
 * {@link RegoException} with code {@code rego_parse_error}.
 */
public final class Parser {
  private Parser() {}

  /** Parses one v1 module; reports every syntax error it can find, not only the first. */
  public static Module parseModule(String file, String source) throws RegoException {
    return parseModule(file, source, ParseOptions.V1);
  }

  /** Parses one module with the given syntax and capabilities. */
  public static Module parseModule(String file, String source, ParseOptions options) throws RegoException {
    ModuleParser mp = new ModuleParser(file, source, options);
    Module m;
    try {
      m = mp.parseModule();
    } catch (ParseFail f) {
      m = null;
    }
    if (m == null || !mp.errors.isEmpty()) throw failure(mp.errors, file);
    return m;
  }

  /** Parses a v1 query such as {@code data.x.p} or {@code x := data.a; y = x + 1}. */
  public static Body parseQuery(String query) throws RegoException {
    return parseQuery(query, ParseOptions.V1);
  }

  /** Parses a query with the given syntax ({@code in}, {@code every} are keywords of v1 only). */
  public static Body parseQuery(String query, ParseOptions options) throws RegoException {
    ModuleParser mp = new ModuleParser(null, query, options);
    Body b = null;
    try {
      b = mp.parseQuery(TokenKind.EOF, null);
    } catch (ParseFail f) {
      // recorded
    }
    if (b == null || !mp.errors.isEmpty()) throw failure(mp.errors, null);
    return b;
  }

  /** Parses one term (the conformance cases' {@code input_term}). */
  public static Term parseTerm(String term) throws RegoException {
    ModuleParser mp = new ModuleParser(null, term, ParseOptions.V1);
    Term t = null;
    try {
      t = mp.parseTermIn();
      if (!mp.at(TokenKind.EOF)) throw mp.unexpected(mp.cur(), null);
    } catch (ParseFail f) {
      // recorded
    }
    if (t == null || !mp.errors.isEmpty()) throw failure(mp.errors, null);
    return t;
  }

  private static RegoException failure(List<RegoError> errors, String file) {
    if (errors.isEmpty()) errors = List.of(new RegoError("rego_parse_error", "invalid input", file, 0, 0, null));
    return new RegoException(errors);
  }
}
