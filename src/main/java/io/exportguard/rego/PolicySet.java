package io.exportguard.rego;

import io.exportguard.rego.value.Value;
import java.util.List;

/** Compiled modules plus base data. Immutable and safe to evaluate from several threads at once. */
public interface PolicySet {

  /** Evaluates a Rego query (e.g. {@code data.exportguard.role.trust.deny}) with the default options. */
  default QueryResult eval(String query, Value input) throws RegoException {
    return eval(query, input, EvalOptions.DEFAULT);
  }

  /** Evaluates a query; input may be null for no input. */
  QueryResult eval(String query, Value input, EvalOptions options) throws RegoException;

  /** Every package with its metadata and rules, ordered by path. */
  List<PackageInfo> packages();
}
