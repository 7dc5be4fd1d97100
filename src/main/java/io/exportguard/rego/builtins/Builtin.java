package io.exportguard.rego.builtins;

import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * One builtin function. Every builtin has this signature: the evaluated arguments in, the result
 * out, or {@code null} for undefined. Wrong operand types and other failures are thrown as
 * {@link BuiltinException}, never as any other exception.
 */
@FunctionalInterface
public interface Builtin {
  Value call(BuiltinContext ctx, List<Value> args);
}
