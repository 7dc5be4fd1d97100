package io.exportguard.rego.compiler;

import io.exportguard.rego.ast.Module;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of compiled modules that {@link CompiledForms} stores: one tag byte per
 * node, variable-length integers, and every string and location written once and referred to by
 * number after that. It replaces Java serialization, which spent most of a start-up's loading time
 * on reflection and method handles for the AST's records. {@link AstReader} throws
 * {@link IOException} for anything it does not recognise; the caller then compiles the sources.
 * This class holds the tags that {@link AstWriter} writes and {@link AstReader} reads; the primitives
 * (integers, strings, values, METADATA) are {@link CodecOut}'s and {@link CodecIn}'s.
 */
final class AstCodec {
  private AstCodec() {}

  // Node tags. Zero is null everywhere.
  static final int NULL = 0;
  static final int SCALAR = 1, VAR = 2, REF = 3, ARRAY_TERM = 4, OBJECT_TERM = 5, SET_TERM = 6,
      ARRAY_COMPR = 7, SET_COMPR = 8, OBJECT_COMPR = 9, CALL = 10, TEMPLATE = 11;
  static final int TERM_EXPR = 20, SOME_DECL = 21, SOME_IN = 22, EVERY = 23, LOGICAL = 24, NOT_BODY = 25;
  // Value tags (rego values inside scalars).
  static final int V_NULL = 1, V_TRUE = 2, V_FALSE = 3, V_NUMBER = 4, V_STRING = 5, V_ARRAY = 6,
      V_OBJECT = 7, V_SET = 8;
  // Plain Java values inside METADATA fields (as the YAML reader gives them).
  static final int P_NULL = 0, P_STRING = 1, P_TRUE = 2, P_FALSE = 3, P_INT = 4, P_LONG = 5,
      P_BIGINT = 6, P_DOUBLE = 7, P_LIST = 8, P_MAP = 9;

  /** What {@link AstWriter} wrote. */
  record Decoded(List<Module> modules, Map<String, Integer> userFunctions) {}
}
