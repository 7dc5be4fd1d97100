package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.ObjectValue;

/** trace and opa.runtime (an empty object: no environment, configuration or version leaks out). */
final class Runtime {
  private Runtime() {}

  static void register(BuiltinRegistry r) {
    def(r, "trace", (ctx, a) -> {
      Args.str(a, 1);
      return BooleanValue.TRUE;
    });
    // OPA embedded without runtime information answers an empty object; so do we, which also keeps
    // environment variables (credentials) out of policies.
    def(r, "opa.runtime", (ctx, a) -> ObjectValue.EMPTY);
  }
}
