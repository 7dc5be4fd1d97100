package io.exportguard.rego.eval;

/**
 * A compiled, lowered query.
 *
 * @param resultNames the user variables reported in each binding set
 * @param resultSlots their frame slots (-1 when the variable does not occur after lowering)
 * @param singleTerm the term when the query is one plain term or call (its values are the
 *     results), else null
 * @param singleMustHold with a single term: the query iterates, so a {@code false} value is no result
 * @param captureSlots per expression of the query as written, the slot holding its value (-1: true)
 * @param texts per expression, its source text
 * @param lines per expression, its 1-based line in the query
 * @param columns per expression, its 1-based column
 */
record QueryPlan(Body body, int slots, String[] resultNames, int[] resultSlots, Term singleTerm, boolean singleMustHold,
                 int[] captureSlots, String[] texts, int[] lines, int[] columns) {}
