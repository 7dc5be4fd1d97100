/**
 * The evaluator: compiled rules lowered to a slot-indexed plan, evaluated top-down with
 * unification and backtracking over every solution.
 */
package io.exportguard.rego.eval;
