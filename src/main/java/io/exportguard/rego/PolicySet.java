package io.exportguard.rego;

import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * Compiled modules plus base data, built by {@link Rego#builder()}. Immutable and safe to evaluate
 * from several threads at once; each query text is compiled once and cached.
 */
public interface PolicySet {

  /** Evaluates a query with the options the policy set was built with ({@link #options()}). */
  default QueryResult eval(String query, Value input) throws RegoException {
    return eval(query, input, options());
  }

  /**
   * Evaluates a Rego query, e.g. {@code data.app.deny} or {@code x := data.app.limits[k]; x > 3}.
   *
   * @param input the {@code input} document, or null for none
   * @param options how to evaluate; null for {@link #options()}
   * @throws RegoException the query does not compile, or evaluation failed (conflict, timeout,
   *     depth, strict builtin error)
   */
  QueryResult eval(String query, Value input, EvalOptions options) throws RegoException;

  /**
   * Opens an evaluation of several queries over one input that share the values they compute
   * ({@link Evaluation}); the timeout of {@code options} bounds all its queries together.
   * Without such sharing, each query is evaluated on its own.
   *
   * @param options how to evaluate; null for {@link #options()}
   */
  default Evaluation evaluation(Value input, EvalOptions options) {
    return query -> eval(query, input, options);
  }

  /**
   * Compiles a query now, so that its first {@link #eval} does not have to (each query text is
   * compiled once and cached): a caller can compile its queries on another thread while it waits
   * for input.
   *
   * @throws RegoException the query does not compile
   */
  default void prepare(String query) throws RegoException {}

  /** The default evaluation options, as given to {@link Rego.Builder#options}. */
  default EvalOptions options() { return EvalOptions.DEFAULT; }

  /** Every package with its metadata and rules, ordered by path. */
  List<PackageInfo> packages();

  /**
   * This policy set compiled, as bytes that {@link Rego.Builder#compiledForm} loads instead of
   * parsing and compiling the same modules again (for a fixed set of modules, compile once when it
   * is packaged and load at start-up). It holds the plans of the queries {@link #prepare prepared}
   * (or evaluated) before it is made, so a policy set loaded from it needs none of them compiled
   * again. Only this engine's build reads it back.
   *
   * @throws UnsupportedOperationException this policy set has no compiled form
   */
  default byte[] compiledForm() throws java.io.IOException {
    throw new UnsupportedOperationException("no compiled form");
  }

  /** Whether this policy set was loaded from a compiled form rather than compiled from its modules. */
  default boolean fromCompiledForm() { return false; }
}
