package io.exportguard.rego.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a METADATA block's YAML as Jackson's YAML mapper reads it into {@code Object}
 * (mappings as {@code LinkedHashMap}, sequences as {@code ArrayList}, scalars as the parser types
 * them), read with the YAML parser alone: making the mapper and its deserialisers costs a run that
 * parses the built-in pack's 45 blocks tens of milliseconds of start-up. A text using anything
 * beyond plain mappings, sequences and scalars (an anchor, an alias, a tag, a repeated key, no
 * document or a second one) or that does not parse is {@link #NEEDS_MAPPER}: the mapper reads it, and its
 * result or message stands. {@code YamlValuesTest} compares the two.
 */
final class YamlValues {
  /** The answer for a text this class leaves to the mapper. */
  static final Object NEEDS_MAPPER = new Object();

  private static final YAMLFactory FACTORY = new YAMLFactory();

  /** Thrown, without a stack trace, where the text needs the mapper. */
  private static final class NotPlain extends RuntimeException {
    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static final NotPlain NOT_PLAIN = new NotPlain();

  private YamlValues() {}

  /** The text's value, or {@link #NEEDS_MAPPER} (for a text without a document too: the mapper refuses it). */
  static Object read(String yaml) {
    try (JsonParser p = FACTORY.createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) return NEEDS_MAPPER;
      Object value = value((YAMLParser) p, first);
      if (p.nextToken() != null) return NEEDS_MAPPER;
      return value;
    } catch (java.io.IOException | RuntimeException e) {
      return NEEDS_MAPPER;
    }
  }

  private static Object value(YAMLParser p, JsonToken t) throws java.io.IOException {
    if (p.isCurrentAlias() || p.getCurrentAnchor() != null || p.getTypeId() != null) throw NOT_PLAIN;
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          if (m.containsKey(name)) throw NOT_PLAIN;
          m.put(name, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) l.add(value(p, item));
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
        throw NOT_PLAIN;
    }
  }
}
