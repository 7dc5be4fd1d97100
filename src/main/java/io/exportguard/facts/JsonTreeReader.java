package io.exportguard.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON text read into a tree with jackson-core's streaming parser: the very tree {@link FactsJson}'s
 * mapper's {@code readTree} gives (a missing node for empty text, what follows the first value
 * ignored, a repeated key's last value kept in its first place), without making a mapper. The
 * gathering reads every policy document and STS's reply this way; databind's mapper class costs a
 * start-up some 10-20 ms of CPU on first use (its default date format loads the locale's calendar
 * data), and a preflight that saves no facts needs no mapper at all. {@code JsonTreeReaderTest}
 * compares the two. (The sandbox has a reader of its own: it shares no code with the client side.)
 */
public final class JsonTreeReader {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTreeReader() {}

  /** The tree of JSON text; a syntax error is thrown as the mapper throws it. */
  public static JsonNode read(String text) throws JsonProcessingException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      return t == null ? NODES.missingNode() : value(p, t);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String is never short of bytes
    }
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
  /**
   * A JSON value's text as plain Java values: what a default mapper's {@code readValue(text,
   * Object.class)} gives (objects as {@code LinkedHashMap}, arrays as {@code ArrayList}, numbers as
   * the parser types them; what follows the value is ignored), read without a mapper. Text without a
   * value, which the mapper refuses, gives null. A syntax error is thrown as the parser throws it.
   */
  public static Object readPlain(String text) throws JsonProcessingException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      return t == null ? null : plain(p, t);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object plain(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) m.put(name, plain(p, p.nextToken()));
        return m;
      }
      case START_ARRAY: {
        java.util.List<Object> l = new java.util.ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) l.add(plain(p, item));
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected JSON token " + t);
    }
  }
}
