package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where policies are evaluated: the embedded Rego engine, or (later) an OPA server over its REST
 * API. Everything after this seam (status rules, verdict, reports) is the same for both.
 */
public interface PolicyEngine extends AutoCloseable {

  /** The checks the loaded policies define, ordered by id. */
  List<CheckDefinition> checks();

  /**
   * Evaluates every check's {@code deny} and {@code warn} over the facts; one result per check, in
   * {@link #checks()} order. A failure of one check's evaluation is that check's result, not an exception.
   * Implementations are thread-safe: one engine evaluates the documents of many targets at once.
   */
  List<RawResult> evaluate(JsonNode input);

  /** Problems in the policies that do not stop the run (rules that are never run), one line each with the fix. */
  default List<String> warnings() { return List.of(); }

  /**
   * Evaluates only the given checks (a subset of {@link #checks()}, in that order): the results of a
   * target that some checks do not apply to. Engines that can should not evaluate the others.
   */
  default List<RawResult> evaluate(JsonNode input, List<CheckDefinition> only) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    only.forEach(c -> ids.add(c.id()));
    return evaluate(input).stream().filter(r -> ids.contains(r.check().id())).toList();
  }

  @Override
  default void close() {}

  /**
   * Does now what the first evaluation would otherwise do first (the embedded engine compiles its
   * checks' queries), for a caller that has it done on another thread while facts are gathered.
   * Evaluations may run meanwhile: whichever of them needs a part first does it.
   */
  default void prepare() {}
}
