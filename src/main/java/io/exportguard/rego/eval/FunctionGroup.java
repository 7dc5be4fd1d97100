package io.exportguard.rego.eval;

import java.util.ArrayList;
import java.util.List;

/** Every definition of one user function, plus its default; filled while the plan is built. */
final class FunctionGroup {
  final String name;
  final List<RuleDef> defs = new ArrayList<>();
  RuleDef defaultDef;
  /** Number of parameters, known before any definition is lowered (calls are lowered first). */
  int arity = -1;

  FunctionGroup(String name) { this.name = name; }
}
