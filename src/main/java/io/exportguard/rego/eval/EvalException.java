package io.exportguard.rego.eval;

import io.exportguard.rego.RegoError;

/**
 * An evaluation error (conflict, strict builtin error, cancellation, depth, budget). It ends the query;
 * it is never used for ordinary control flow.
 */
final class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String CONFLICT = "eval_conflict_error";
  static final String CANCEL = "eval_cancel_error";
  static final String BUILTIN = "eval_builtin_error";
  static final String DEPTH = "eval_depth_error";
  /** Our own code (OPA has no budget): the query built more than {@code EvalOptions.budget} allows. */
  static final String BUDGET = "eval_budget_error";
  static final String INTERNAL = "eval_internal_error";

  final String code;
  private String file;
  private int line;
  private int column;

  EvalException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** Records where the error happened, unless a more precise place is already known. */
  EvalException at(String file, int line, int column) {
    if (this.file == null && file != null) {
      this.file = file;
      this.line = line;
      this.column = column;
    }
    return this;
  }

  RegoError toError() { return new RegoError(code, getMessage(), file, line, column, null); }
}
