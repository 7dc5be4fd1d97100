package io.exportguard.sandbox.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The emulator's JSON trees, read and written with jackson-core's streaming parser and generator
 * exactly as a default {@link ObjectMapper}'s {@code readTree} and {@code writeValueAsString} do,
 * without making one: the mapper class's first use costs a start-up some 10-20 ms of CPU (its
 * default date format loads the locale's calendar data), and the emulator would be its only user
 * in a sandbox preflight. A mapper is still made, once, for a value the generator alone cannot
 * write (a YAML binary scalar in a scenario's policy document, an object in a reply).
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The mapper for what the generator cannot write; made on first use. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }

  /** The factory a default mapper parses and generates with. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** A generator that writes what it cannot stream itself (an object that is not a tree) through a mapper. */
  public static void useMapperFor(JsonGenerator g) {
    g.setCodec(Mapper.INSTANCE);
  }

  /**
   * The tree of JSON text, as {@code readTree} gives it: a missing node for empty text, content
   * after the first value ignored, a repeated key's last value kept in its first place.
   */
  public static JsonNode read(String text) throws JsonProcessingException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return root(p);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String is never short of bytes
    }
  }

  /** The tree of a JSON body (its encoding detected as {@code readTree(byte[])} does). */
  public static JsonNode read(byte[] body) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      return root(p);
    }
  }

  private static JsonNode root(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    return t == null ? NODES.missingNode() : value(p, t);
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          o.replace(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
          a.add(value(p, item));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT: return NODES.numberNode(p.getIntValue());
          case LONG: return NODES.numberNode(p.getLongValue());
          default: return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        switch (p.getNumberTypeFP()) {
          case BIG_DECIMAL: return NODES.numberNode(p.getDecimalValue());
          case FLOAT32: return NODES.numberNode(p.getFloatValue());
          default: return NODES.numberNode(p.getDoubleValue());
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default: // JSON text has no embedded objects
        throw new IllegalStateException("unexpected JSON token " + t);
    }
  }

  /** The tree as compact JSON text, as {@code writeValueAsString} writes it. */
  public static String write(JsonNode tree) {
    try {
      if (!streamable(tree)) return Mapper.INSTANCE.writeValueAsString(tree);
      StringWriter out = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        write(g, tree);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // nothing here does I/O
    }
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (int i = 0; i < node.size(); i++) write(g, node.get(i));
      g.writeEndArray();
    } else if (node.isNull()) {
      g.writeNull();
    } else {
      node.serialize(g, null); // text, number or boolean: each writes itself with one generator call
    }
  }

  /** Whether the tree holds only objects, arrays, text, numbers, booleans and nulls. */
  private static boolean streamable(JsonNode node) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) if (!streamable(child)) return false;
      return true;
    }
    return node.isTextual() || node.isNumber() || node.isBoolean() || node.isNull();
  }
}
