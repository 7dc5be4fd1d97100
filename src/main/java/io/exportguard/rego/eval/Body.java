package io.exportguard.rego.eval;

/** A conjunction of literals, already ordered so that each variable is bound before it is used. */
record Body(Literal[] literals) {
  static final Body EMPTY = new Body(new Literal[0]);
}
