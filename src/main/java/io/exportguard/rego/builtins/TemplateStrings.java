package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * {@code internal.template_string}, what template strings ({@code $"{x} of {y}"}) compile to. Its
 * operand is the array of parts: scalars are literal text (strings as they are, other scalars in
 * Rego syntax); a set holds the values of one expression part: none renders {@code <undefined>},
 * one renders its value (a string as it is, anything else in Rego syntax), more than one is OPA's
 * {@code eval_conflict_error}.
 */
final class TemplateStrings {
  private TemplateStrings() {}

  static void register(BuiltinRegistry r) {
    r.register("internal.template_string", 1, TemplateStrings::render);
  }

  private static Value render(BuiltinContext ctx, List<Value> args) {
    if (!(args.get(0) instanceof ArrayValue parts)) {
      throw BuiltinException.type("internal.template_string: operand 1 must be array but got " + args.get(0).typeName());
    }
    StringBuilder sb = new StringBuilder();
    for (Value part : parts.items()) {
      if (part instanceof StringValue || part instanceof NumberValue || part instanceof BooleanValue
          || part instanceof NullValue) {
        text(part, sb);
      } else if (part instanceof SetValue values) {
        if (values.size() > 1) {
          throw BuiltinException.halt("eval_conflict_error", "template-strings must not produce multiple outputs");
        }
        if (values.size() == 0) sb.append("<undefined>");
        else text(values.iterator().next(), sb);
      } else {
        throw BuiltinException.halt("eval_internal_error", "illegal argument type: " + part.typeName());
      }
    }
    return StringValue.of(sb.toString());
  }

  private static void text(Value v, StringBuilder sb) {
    if (v instanceof StringValue s) sb.append(s.value());
    else RegoText.write(v, sb);
  }
}
