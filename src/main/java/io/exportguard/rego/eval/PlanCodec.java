package io.exportguard.rego.eval;

import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.RegoVersion;
import java.util.List;
import java.util.Map;

/**
 * The evaluation plan's section of a compiled form ({@code compiler.CompiledForms}): the packages'
 * metadata, the METADATA index, the user functions, the virtual document tree with every rule
 * lowered, and the plans of the queries prepared before the form was made, so that loading a form
 * needs neither the compiled modules nor the lowering. {@link PlanWriter} writes it and
 * {@link PlanReader} reads it; this class holds their tags.
 */
final class PlanCodec {
  private PlanCodec() {}

  // Term tags. Zero is null everywhere.
  static final int NULL = 0;
  static final int CONST = 1, VAR = 2, ARRAY_LIT = 3, SET_LIT = 4, OBJECT_LIT = 5, REF = 6, INPUT_REF = 7,
      DATA_REF = 8, CALL = 9, ARRAY_COMPR = 10, SET_COMPR = 11, OBJECT_COMPR = 12;
  // Expression tags.
  static final int TRUTHY = 1, UNIFY = 2, CALL_OUT = 3, SOME_IN = 4, EVERY = 5, PRINT = 6, EXISTS = 7, TRUE = 8;
  // Callee tags: a builtin of the registry, a name the registry does not know (undefined when called), a user function.
  static final int BUILTIN = 1, UNKNOWN_BUILTIN = 2, FUNCTION = 3;

  /**
   * What a plan's section holds.
   *
   * @param queryVersion the Rego syntax the queries were parsed in
   * @param queries the prepared queries' plans by their text
   */
  record Loaded(Plan plan, List<PackageInfo> packages, RegoVersion queryVersion, Map<String, QueryPlan> queries) {}
}
