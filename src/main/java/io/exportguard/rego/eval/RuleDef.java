package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import java.util.List;

/**
 * One rule or function definition (the first link of its {@code else} chain), lowered to the plan.
 *
 * @param key partial set: the element; dynamic (ref-head object) rules: the key path below their
 *     node; otherwise empty
 * @param value the head value; null for partial set rules
 * @param params function parameters (patterns); null for rules
 * @param setLeaf a dynamic rule whose leaf collects a set ({@code a.b[x] contains y})
 * @param slots size of the frame the head, params and body share
 * @param elseRule next link of the else chain, or null
 */
record RuleDef(String path, Term[] key, Term value, Term[] params, boolean setLeaf, Body body, int slots,
               RuleDef elseRule, List<Annotations> annotations, String file, int line, int column) {

  /** Constant head value: one solution settles the definition's value, no need for more. */
  boolean constantValue() { return value instanceof Term.Const; }
}
