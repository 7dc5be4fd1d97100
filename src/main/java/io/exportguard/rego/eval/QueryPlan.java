package io.exportguard.rego.eval;

/**
 * A compiled, lowered query.
 *
 * @param resultNames the user variables reported in each binding set
 * @param resultSlots their frame slots (-1 when the variable does not occur after lowering)
 * @param singleTerm the term when the query is one plain term (its value is reported as {@code x}), else null
 */
record QueryPlan(Body body, int slots, String[] resultNames, int[] resultSlots, Term singleTerm) {}
