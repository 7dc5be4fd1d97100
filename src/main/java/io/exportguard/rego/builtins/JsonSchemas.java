package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * {@code json.verify_schema} and {@code json.match_schema} over {@link JsonSchema}: schemas and
 * documents are JSON text or terms; compiled schemas are cached per policy set.
 */
final class JsonSchemas {
  private JsonSchemas() {}

  static void register(BuiltinRegistry r) {
    Args.def(r, "json.verify_schema", JsonSchemas::verifySchema);
    Args.def(r, "json.match_schema", JsonSchemas::matchSchema);
  }

  /** [true, null] for a schema that compiles, else [false, "jsonschema: <why>"]. */
  static Value verifySchema(BuiltinContext ctx, List<Value> a) {
    try {
      JsonSchema.compile(load(a.get(0)));
      return ArrayValue.of(BooleanValue.TRUE, NullValue.INSTANCE);
    } catch (JsonSchema.Invalid e) {
      return ArrayValue.of(BooleanValue.FALSE, StringValue.of("jsonschema: " + e.getMessage()));
    }
  }

  /** [valid, errors], each error {error, type, field, desc}; a document or schema that does not load is an error. */
  static Value matchSchema(BuiltinContext ctx, List<Value> a) {
    try {
      Value document = load(a.get(0));
      Value schemaValue = load(a.get(1));
      JsonSchema schema = ctx.policyCached(new CacheKey(schemaValue), k -> JsonSchema.compile(schemaValue));
      List<JsonSchema.Error> errors = schema.validate(document);
      return ArrayValue.of(BooleanValue.of(errors.isEmpty()), JsonSchema.errorsTerm(errors));
    } catch (JsonSchema.Invalid e) {
      throw Args.fail(e.getMessage());
    }
  }

  private record CacheKey(Value schema) {}

  /** JSON text (which must be valid) or a term, as the JSON value it stands for. */
  private static Value load(Value v) {
    if (v instanceof StringValue s) {
      if (GoJsonSyntax.error(s.value()) != null) throw new JsonSchema.Invalid("invalid JSON string");
      return io.exportguard.rego.value.Json.parse(s.value());
    }
    if (v instanceof ObjectValue) {
      return io.exportguard.rego.value.Json.parse(GoJson.compact(v));
    }
    throw new JsonSchema.Invalid("wrong type, expected string or object");
  }
}
