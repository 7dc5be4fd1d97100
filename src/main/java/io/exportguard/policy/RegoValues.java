package io.exportguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A facts document's JSON tree as the engine's {@code input} value, converted node by node (the same
 * value as writing the tree as JSON text and parsing it, without the text: an audit converts one
 * document per image).
 */
final class RegoValues {
  private RegoValues() {}

  static Value of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return NullValue.INSTANCE;
    if (node.isTextual()) return StringValue.of(node.textValue());
    if (node.isBoolean()) return node.booleanValue() ? BooleanValue.TRUE : BooleanValue.FALSE;
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? NumberValue.of(node.longValue()) : NumberValue.of(node.bigIntegerValue());
    }
    if (node.isNumber()) return NumberValue.parse(node.asText());
    if (node.isObject()) {
      TreeMap<Value, Value> m = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(StringValue.of(e.getKey()), of(e.getValue()));
      }
      return ObjectValue.wrap(m);
    }
    if (node.isArray()) {
      Value[] items = new Value[node.size()];
      for (int i = 0; i < items.length; i++) items[i] = of(node.get(i));
      return ArrayValue.wrap(items);
    }
    // Binary or embedded objects do not occur in facts; their JSON text says what they are.
    return Json.parse(node.toString());
  }
}
