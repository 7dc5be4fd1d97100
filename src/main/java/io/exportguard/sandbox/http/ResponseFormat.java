package io.exportguard.sandbox.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two bodies the RPC gateway answers in. JSON is the object itself; XML wraps it in one root
 * element ({@code <DescribeImagesResponse>}, or {@code <Error>}) and writes a list as the list's key
 * repeated once per item, so the JSON shape {@code "Images":{"Image":[a,b]}} becomes
 * {@code <Images><Image>a</Image><Image>b</Image></Images>}, as the gateway does.
 */
public enum ResponseFormat {
  JSON("application/json;charset=utf-8"),
  // The exact value the current SDKs compare against before they parse an XML error body.
  XML("text/xml;charset=utf-8");

  private final String contentType;

  ResponseFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * The format a client asked for: its {@code Format} parameter (any case) when present, else XML
   * only when its Accept header names XML and not JSON, else JSON.
   */
  public static ResponseFormat requested(String formatParam, String accept) {
    if (formatParam != null && !formatParam.isEmpty()) {
      return formatParam.equalsIgnoreCase("XML") ? XML : JSON;
    }
    if (accept != null) {
      String a = accept.toLowerCase(Locale.ROOT);
      if (a.contains("xml") && !a.contains("json")) {
        return XML;
      }
    }
    return JSON;
  }

  /** The body as bytes; {@code root} names the XML root element and is ignored for JSON. */
  public byte[] encode(String root, Map<String, Object> body) {
    if (this == JSON) {
      // Jackson writes non-ASCII as UTF-8, never as \\uXXXX escapes the core SDK's reader cannot decode.
      // Maps, lists and plain values are streamed (what writeValueAsBytes writes for them, without
      // building its serializers, a noticeable part of the sandbox's start-up); anything else goes
      // through a mapper (see JsonTrees).
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      try (JsonGenerator g = JsonTrees.factory().createGenerator(out)) {
        write(g, body);
      } catch (IOException e) {
        throw new IllegalStateException("reply not serialisable", e);
      }
      return out.toByteArray();
    }
    Xml xml = new Xml().open(root);
    body.forEach((k, v) -> element(xml, k, v));
    return xml.close(root).bytes();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String str) {
      g.writeString(str);
    } else if (v instanceof Map<?, ?> m && stringKeys(m)) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) write(g, item);
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else {
      JsonTrees.useMapperFor(g);
      g.writeObject(v);
    }
  }

  private static boolean stringKeys(Map<?, ?> m) {
    for (Object k : m.keySet()) if (!(k instanceof String)) return false;
    return true;
  }

  private static void element(Xml xml, String name, Object value) {
    if (value instanceof Map<?, ?> map) {
      xml.open(name);
      map.forEach((k, v) -> element(xml, String.valueOf(k), v));
      xml.close(name);
    } else if (value instanceof List<?> list) {
      list.forEach(item -> element(xml, name, item));
    } else {
      xml.leaf(name, value);
    }
  }
}
