package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Body;
import java.util.List;

/**
 * A compiled ad-hoc query.
 *
 * @param body resolved, rewritten and reordered like a rule body
 * @param resultVars the user variables to report in each binding set, in order of first
 *     appearance (named variables only: no wildcards, no compiler-made {@code $} names)
 */
public record CompiledQuery(Body body, List<String> resultVars) {}
