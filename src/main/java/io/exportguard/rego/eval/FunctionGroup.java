package io.exportguard.rego.eval;

import java.util.ArrayList;
import java.util.List;

/** Every definition of one user function, plus its default; filled while the plan is built. */
final class FunctionGroup {
  final String name;
  final List<RuleDef> defs = new ArrayList<>();
  RuleDef defaultDef;

  FunctionGroup(String name) { this.name = name; }
}
