package io.exportguard.rego;

import io.exportguard.rego.value.Value;
import java.util.List;

/** Entry point: compile Rego modules and base data once, then evaluate queries many times. */
public final class Rego {
  private Rego() {}

  /**
   * Parses and compiles the modules (every error found is reported, not only the first) over
   * the base document {@code data} (an object, or null for none).
   */
  public static PolicySet compile(List<RegoModule> modules, Value data) throws RegoException {
    return io.exportguard.rego.eval.Engine.compile(modules, data);
  }

  /** Like {@link #compile(List, Value)}, with a Rego version (v0 compatibility) and capabilities. */
  public static PolicySet compile(List<RegoModule> modules, Value data, CompileOptions options) throws RegoException {
    return io.exportguard.rego.eval.Engine.compile(modules, data, options);
  }
}
