package io.exportguard.rego.eval;

import io.exportguard.rego.value.Value;

/**
 * A term of the evaluation plan. Variables are slots of the frame of the rule body (or query)
 * they occur in; terms without variables are folded to constants when the plan is built.
 */
sealed interface Term {

  /** The values of terms that are all constants, or null when one is not. */
  static Value[] constants(Term[] ts) {
    Value[] out = new Value[ts.length];
    for (int i = 0; i < ts.length; i++) {
      if (!(ts[i] instanceof Const c)) return null;
      out[i] = c.value();
    }
    return out;
  }

  /** A value known when the plan is built. */
  record Const(Value value) implements Term {}

  /** A variable: its written name (for messages and results) and its slot in the frame. */
  record Var(String name, int slot) implements Term {}

  record ArrayLit(Term[] items) implements Term {}

  record SetLit(Term[] items) implements Term {}

  record ObjectLit(Term[] keys, Term[] values) implements Term {}

  /** {@code head[path0][path1]...} over a value: a local variable, a composite or a call result. */
  record Ref(Term head, Term[] path) implements Term {}

  /** {@code input[path0]...}. */
  record InputRef(Term[] path) implements Term {}

  /** {@code data[path0]...}: walks base and virtual documents together. */
  record DataRef(Term[] path) implements Term {}

  /** A call in term position; its value is the function's result. */
  record Call(Callee callee, Term[] args) implements Term {}

  record ArrayCompr(Term head, Body body, Scope scope) implements Term {}

  record SetCompr(Term head, Body body, Scope scope) implements Term {}

  record ObjectCompr(Term key, Term value, Body body, Scope scope) implements Term {}

  /**
   * Whether a comprehension uses no variable from outside itself. Such a comprehension has one
   * value per {@code with} context, so it is computed once there rather than on every solution of
   * the body around it. Set while the plan is built, before it is shared.
   */
  final class Scope {
    boolean closed;
  }
}
