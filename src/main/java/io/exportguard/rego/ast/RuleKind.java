package io.exportguard.rego.ast;

/** What a rule's head defines. */
public enum RuleKind {
  /** One value at a ground path: {@code p := v}, {@code p if ...}, {@code a.b.c := v}, {@code default p := v}. */
  COMPLETE,
  /** A set built from all solutions: {@code p contains x if ...} (also with a ref head {@code a.b contains x}). */
  PARTIAL_SET,
  /**
   * An object built from all solutions: a single-value rule whose head ref has a non-scalar
   * element after the name: {@code p[k] := v}, {@code a.b[x] := y}, {@code p[x] if ...} (value true).
   */
  PARTIAL_OBJECT,
  /** A function: {@code f(x) := y if ...}, {@code f(x) if ...} (value true). */
  FUNCTION
}
