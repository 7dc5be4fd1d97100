package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;

import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;

/**
 * trace and opa.runtime. opa.runtime returns a safe subset: no environment variables or configuration,
 * which could carry credentials into policy output.
 */
final class Runtime {
  private Runtime() {}

  static final String VERSION = "exportguard-embedded";

  static void register(BuiltinRegistry r) {
    def(r, "trace", (ctx, a) -> {
      Args.str(a, 1);
      return BooleanValue.TRUE;
    });
    def(r, "opa.runtime", (ctx, a) -> ObjectValue.builder()
        .put("env", ObjectValue.EMPTY)
        .put("config", ObjectValue.EMPTY)
        .put("version", StringValue.of(VERSION))
        .put("commit", StringValue.EMPTY)
        .build());
  }
}
