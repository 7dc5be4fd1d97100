package io.exportguard.rego;

/**
 * Several queries over one {@code input}, evaluated as one: the value of a rule, function call or
 * comprehension computed for one query is reused by the next, as OPA reuses them within a single
 * query. For many queries over one document (every check of a policy pack: {@code data.a.deny},
 * {@code data.a.warn}, {@code data.b.deny}, ...) this does the shared work once.
 *
 * <p>Each query keeps its own depth and budget; the deadline of the options it was opened with
 * covers all of them. A {@code print} in a rule whose value an earlier query computed is not
 * printed again. Use it from one thread at a time; open one per input.
 */
public interface Evaluation {

  /** Evaluates a query (see {@link PolicySet#eval(String, io.exportguard.rego.value.Value, EvalOptions)}). */
  QueryResult eval(String query) throws RegoException;
}
