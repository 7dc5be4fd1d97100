package io.exportguard.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A tree written as JSON text with jackson-core's generator: the very text {@link FactsJson}'s
 * mapper's {@code writer().writeValueAsString} gives (indented by the default pretty printer),
 * without making a mapper (making one costs a run tens of milliseconds of start-up; see
 * {@link JsonTreeReader}). A node of a kind JSON text cannot hold (a POJO node) is left to the
 * mapper. {@code JsonTreeWriterTest} compares the two.
 */
public final class JsonTreeWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTreeWriter() {}

  /** The JSON text of a tree, indented as the facts mapper indents it. */
  public static String text(JsonNode node) {
    StringWriter out = new StringWriter();
    boolean written;
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      written = write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter never fails
    }
    if (written) return out.toString();
    try {
      return FactsJson.mapper().writer().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the tree; false, part written, at a node this class leaves to the mapper (a POJO node). */
  private static boolean write(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          g.writeFieldName(field.getKey());
          if (!write(g, field.getValue())) return false;
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode item : n) if (!write(g, item)) return false;
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.textValue());
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL, MISSING -> g.writeNull();
      case BINARY -> g.writeBinary(n.binaryValue());
      case NUMBER -> {
        switch (n.numberType()) {
          case INT -> g.writeNumber(n.intValue());
          case LONG -> g.writeNumber(n.longValue());
          case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
          case FLOAT -> g.writeNumber(n.floatValue());
          case DOUBLE -> g.writeNumber(n.doubleValue());
          default -> g.writeNumber(n.decimalValue());
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
