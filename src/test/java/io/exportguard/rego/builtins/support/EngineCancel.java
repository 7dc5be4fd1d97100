package io.exportguard.rego.builtins.support;

/** Stands in for the evaluator's cancellation exception, which lives outside the builtins package. */
public final class EngineCancel extends RuntimeException {
  private static final long serialVersionUID = 1L;
}
